import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { REPO_ROOT, spawnServer, type ServerProcess } from '../support/server-process.js';
import { hasChromium, launchChromium, CHROMIUM_PATH, type Browser } from './support/chromium.js';
import { DesignerPage } from './support/designer-page.js';

const ARTIFACTS = join(import.meta.dirname, 'test-artifacts');

if (!hasChromium) {
  console.warn(`\n[e2e] SKIPPED: no Chromium at ${CHROMIUM_PATH}. Install Debian's package (apt-get install chromium) or run scripts/test.sh.\n`);
}

describe.skipIf(!hasChromium)('the designer in Chromium against a real server', () => {
  let server: ServerProcess;
  let browser: Browser;
  let dataDir: string;
  let page: Page;
  let designer: DesignerPage;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tongban-e2e-'));
    await mkdir(ARTIFACTS, { recursive: true });
    server = await spawnServer({ DATA_DIR: dataDir });
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.setDefaultTimeout(15_000);
    designer = new DesignerPage(page, server.url);
    // Every test starts signed in as the demo designer, through the login page.
    await designer.signIn('designer');
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    server?.child.kill('SIGTERM');
    await server?.exited;
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('a designer adds a parallel item, sees lint and compression follow, and deploys a new version', async () => {
    // given the designer signed in, with the sample process open in the modeler
    await page.goto(`${server.url}/`);
    await page.locator('[data-testid="user-name"]').filter({ hasText: '流程设计员' }).waitFor();
    await designer.openFromDefinitions('open_company');
    await expect.poll(() => designer.compression()).toBeGreaterThan(0);
    const before = await designer.compression();
    await page.screenshot({ path: join(ARTIFACTS, 'modeler-opened.png') });

    // when a user task is appended to the fork, it is drawn and its problems listed
    await designer.clickShape('Gateway_fork');
    await designer.contextPad('append.user-task');
    await expect.poll(() => designer.panelElementId()).toMatch(/^Activity_/);
    const taskId = await designer.panelElementId();
    await designer.problemsOf(taskId).first().waitFor();
    const codes = await designer.problemsOf(taskId).evaluateAll((items) => items.map((li) => li.getAttribute('data-code')));
    expect(codes).toContain('tb/user-task-department');

    // and it joins the other branches
    await designer.connectSelectedTo('Gateway_join');
    // and a click on one of its problems selects it again
    await designer.problemsOf(taskId).first().click();
    await expect.poll(() => designer.panelElementId()).toBe(taskId);

    // when its name, department and limits are set in the panel
    await designer.setName('食品经营许可');
    await designer.setDepartment('market');
    // every panel change is a command: undo takes the department back off, redo puts it on again
    await expect.poll(() => designer.departmentText()).not.toBe('');
    await page.locator('[data-testid="undo"]').click();
    await expect.poll(() => designer.departmentText()).toBe('');
    await page.locator('[data-testid="redo"]').click();
    await expect.poll(() => designer.departmentText()).not.toBe('');
    await designer.setLimit('legal', 20, 'wd');
    await designer.setLimit('time', 5);

    // then its problems clear and the compression changes
    await designer.problemsOf(taskId).first().waitFor({ state: 'detached' });
    const after = await designer.compressionChangedFrom(before);
    expect(after).not.toBe(before);
    await designer.tab('analysis');
    await page.locator(`[data-testid="critical-path"] [data-element-id="${taskId}"]`).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'modeler-edited.png') });

    // when deployed, the new version is in the list
    await page.locator('[data-testid="deploy"]').click();
    await page.locator('[data-testid="version-list"] [data-version="2"]').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'modeler-deployed.png') });
    const deployed = await page.evaluate(async () => (await fetch('/api/definitions/open_company/versions/2/bpmn')).text());
    expect(deployed).toContain('tb:department="market"');
    expect(deployed).toContain('tb:timeLimit="5wd"');

    // and comparing it with version 1 shows the new task and its flows as added
    await page.locator('[data-testid="version-list"] [data-compare="2"]').click();
    await page.locator(`[data-testid="diff-newer"] .djs-element.tb-diff-added[data-element-id="${taskId}"]`).waitFor();
    expect(await page.locator('[data-testid="diff-newer"] .djs-connection.tb-diff-added').count()).toBe(2);
    expect(await page.locator('[data-testid="diff-older"] .tb-diff-removed').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'version-diff.png') });
    await designer.closeDialog();
  });

  it('keeps the diagram when an upload is malformed or hostile, and keeps the draft when a deploy is refused', async () => {
    // given the process open in the modeler
    await page.goto(`${server.url}/modeler/open_company`);
    await designer.modelerReady();

    // when a file with a duplicate id is uploaded, its problems are listed with the element id and the diagram stays
    await designer.upload('duplicate.bpmn', DUPLICATE_ID_BPMN);
    const dialog = page.locator('[data-testid="upload-problems"]');
    await dialog.locator('li[data-code="xml/duplicate-id"][data-element-id="Task_twice"]').waitFor();
    await expect.poll(() => designer.shape('Gateway_fork').count()).toBe(1);
    await designer.closeDialog();

    // when a file declaring entities is uploaded, it is refused before it is parsed
    await designer.upload('entities.bpmn', `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>${DUPLICATE_ID_BPMN.slice(DUPLICATE_ID_BPMN.indexOf('?>') + 2)}`);
    await dialog.locator('li[data-code="xml/doctype"]').waitFor();
    await expect.poll(() => designer.shape('Task_market').count()).toBe(1);
    await designer.closeDialog();

    // when a task loses its department and the designer deploys, the server refuses with the element id
    await designer.clickShape('Task_market');
    await designer.clearDepartment();
    await designer.problemsOf('Task_market').first().waitFor();
    await page.locator('[data-testid="deploy"]').click();
    await page.locator('.api-error-message li[data-element-id="Task_market"]').waitFor();

    // then a reload restores the draft, still without the department
    await page.reload();
    await designer.modelerReady();
    await page.locator('[data-testid="draft-notice"]').waitFor();
    await designer.problemsOf('Task_market').first().waitFor();
    await designer.clickShape('Task_market');
    expect(await designer.departmentText()).toBe('');
    await page.screenshot({ path: join(ARTIFACTS, 'modeler-draft-kept.png') });
  });

  it('opens an uploaded serial as-is diagram and re-engineers it into a parallel one', async () => {
    // given the serial as-is model of the sample uploaded into the modeler
    await page.goto(`${server.url}/modeler`);
    await designer.modelerReady();
    await designer.upload('as-is.bpmn', readFileSync(join(REPO_ROOT, 'processes', 'enterprise-startup', 'as-is.bpmn'), 'utf8'));
    await designer.shape('Task_market').waitFor();
    expect(await page.locator('[data-testid="canvas"] .djs-shape[data-element-id^="Gateway"]').count()).toBe(0);

    // when the designer re-engineers it
    await page.locator('[data-testid="reengineer"]').click();

    // then the to-be process opens, with parallel gateways and a positive compression
    await page.locator('[data-testid="process-id"]').filter({ hasText: 'open_company_as_is_to_be' }).waitFor();
    await expect.poll(() => page.locator('[data-testid="canvas"] .djs-shape[data-element-id^="Gateway"]').count()).toBeGreaterThan(0);
    await expect.poll(() => designer.compression()).toBeGreaterThan(0.5);
    await page.screenshot({ path: join(ARTIFACTS, 'modeler-reengineered.png') });

    // when the designer switches to English, the app and bpmn-js speak it and the diagram stays
    const palette = page.locator('.djs-palette [data-action="create.user-task"]');
    expect(await palette.getAttribute('aria-label')).toBe('创建用户任务（事项）');
    await page.locator('.layout-user .language-switch').click();
    await page.locator('.el-select-dropdown__item').filter({ hasText: 'English' }).click();
    await page.locator('[data-testid="deploy"]').filter({ hasText: 'Deploy' }).waitFor();
    await expect.poll(() => palette.getAttribute('aria-label')).toBe('Create user task');
    expect(await page.locator('[data-testid="canvas"] .djs-shape[data-element-id^="Gateway"]').count()).toBeGreaterThan(0);
  });

  it('builds a two-stage process in simple mode and switches to the modeler', async () => {
    // given a new diagram in a browser without local drafts (the upload above left one for new diagrams), opened in simple mode
    await page.evaluate('localStorage.clear()');
    await page.goto(`${server.url}/modeler`);
    await designer.modelerReady();
    await page.locator('[data-testid="simple-mode-open"]').click();
    const drawer = page.locator('.el-drawer');
    await drawer.waitFor();

    // when the designer adds a front-desk stage and a stage of two parallel items
    await drawer.locator('[data-action="add-stage"]').click();
    await designer.fillSimpleItem(1, 1, { name: '综合窗口受理', department: 'front-desk', time: 1 });
    await drawer.locator('[data-action="add-stage"]').click();
    await designer.fillSimpleItem(2, 1, { name: '食品经营许可', department: 'market', legal: 20, time: 5 });
    await drawer.locator('[data-stage="2"] [data-action="add-item"]').click();
    await designer.fillSimpleItem(2, 2, { name: '公章刻制备案', department: 'police', legal: 20, time: 1 });
    await page.screenshot({ path: join(ARTIFACTS, 'simple-mode.png') });
    await drawer.locator('[data-action="apply"]').click();
    await drawer.waitFor({ state: 'hidden' });

    // then the modeler shows the laid-out BPMN: a parallel block of the two items, and no error
    await designer.shape('Gateway_stage2_fork').waitFor();
    await expect.poll(() => page.locator('[data-testid="canvas"] .djs-shape[data-element-id^="Activity_"]').count()).toBe(3);
    await expect.poll(() => page.locator('[data-testid="problem-list"]').getAttribute('data-errors')).toBe('0');
    await expect.poll(() => designer.compression()).toBeGreaterThan(0.5);
    await page.screenshot({ path: join(ARTIFACTS, 'simple-mode-applied.png') });

    // and simple mode opens the diagram again as the same two stages
    await page.locator('[data-testid="simple-mode-open"]').click();
    await expect.poll(() => drawer.locator('[data-stage]').count()).toBe(2);
    expect(await drawer.locator('[data-stage="2"] [data-item]').count()).toBe(2);
  });
});

/** Two elements with one id: readable XML that is not a diagram the engine can take. */
const DUPLICATE_ID_BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="urn:test">
  <bpmn:process id="dup" isExecutable="true">
    <bpmn:startEvent id="Start" />
    <bpmn:userTask id="Task_twice" />
    <bpmn:userTask id="Task_twice" />
  </bpmn:process>
</bpmn:definitions>
`;
