import type { Page } from 'playwright-core';

/** What a designer does in the app, step by step, through the page as a user sees it. */
export class DesignerPage {
  constructor(readonly page: Page, readonly baseUrl: string) {}

  async signIn(username: string, password = 'tongban'): Promise<void> {
    await this.page.goto(`${this.baseUrl}/`);
    await this.page.locator('input[name="username"]').fill(username);
    await this.page.locator('input[name="password"]').fill(password);
    await this.page.locator('button[type="submit"]').click();
    await this.page.locator('[data-testid="user-name"]').filter({ hasText: /\S/ }).waitFor();
  }

  async openFromDefinitions(processId: string): Promise<void> {
    await this.page.locator('[data-nav="definitions"]').click();
    await this.page.locator(`[data-open="${processId}"]`).click();
    await this.modelerReady();
  }

  async modelerReady(): Promise<void> {
    await this.page.locator('.modeler-page[data-ready="true"]').waitFor();
    await this.page.locator('[data-testid="canvas"] .djs-element').first().waitFor();
  }

  shape(elementId: string) {
    return this.page.locator(`[data-testid="canvas"] .djs-element.djs-shape[data-element-id="${elementId}"]`);
  }

  async clickShape(elementId: string): Promise<void> {
    await this.scrollIntoCanvas(elementId);
    await this.shape(elementId).click();
  }

  async closeDialog(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.locator('.el-dialog').waitFor({ state: 'hidden' });
  }

  async contextPad(action: string): Promise<void> {
    await this.page.locator(`.djs-context-pad [data-action="${action}"]`).click();
  }

  /** Scrolls the canvas with the mouse wheel until the shape is fully in view, as a user would. */
  async scrollIntoCanvas(elementId: string): Promise<void> {
    const canvas = await this.page.locator('[data-testid="canvas"]').boundingBox();
    if (!canvas) throw new Error('no canvas');
    await this.page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
    for (let i = 0; i < 20; i++) {
      const box = await this.shape(elementId).boundingBox();
      if (!box) throw new Error(`${elementId} is not on the canvas`);
      const above = canvas.y + 20 - box.y;
      const below = box.y + box.height - (canvas.y + canvas.height - 20);
      if (above <= 0 && below <= 0) return;
      await this.page.mouse.wheel(0, above > 0 ? -Math.min(above, 100) : Math.min(below, 100));
    }
    throw new Error(`${elementId} could not be scrolled into view`);
  }

  /** Draws a sequence flow from the selected element's context pad to another shape. */
  async connectSelectedTo(targetId: string): Promise<void> {
    await this.scrollIntoCanvas(targetId);
    await this.contextPad('connect');
    const box = await this.shape(targetId).boundingBox();
    if (!box) throw new Error(`${targetId} is not on the canvas`);
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x - 20, y, { steps: 5 });
    await this.page.mouse.move(x, y, { steps: 5 });
    await this.page.mouse.click(x, y);
  }

  /** The element the properties panel shows. */
  async panelElementId(): Promise<string> {
    return (await this.page.locator('[data-testid="properties-panel"] form').getAttribute('data-element-id')) ?? '';
  }

  async setName(name: string): Promise<void> {
    const input = this.page.locator('input[data-testid="prop-name"]');
    await input.fill(name);
    await input.press('Enter');
  }

  async setDepartment(departmentId: string): Promise<void> {
    await this.page.locator('[data-testid="prop-department"]').click();
    await this.page.locator(`.el-select-dropdown__item[data-department="${departmentId}"]`).click();
  }

  async clearDepartment(): Promise<void> {
    const select = this.page.locator('[data-testid="prop-department"]');
    await select.hover();
    await select.locator('.el-select__clear').click();
  }

  /** The department the panel shows, as its label. */
  async departmentText(): Promise<string> {
    return ((await this.page.locator('[data-testid="prop-department"] .el-select__selected-item:not(.is-transparent)').allTextContents()).join('')).trim();
  }

  /** Fills the card of item `item` of stage `stage` in the simple mode's drawer. */
  async fillSimpleItem(stage: number, item: number, values: { name: string; department: string; legal?: number; time?: number }): Promise<void> {
    const card = this.page.locator(`.el-drawer [data-stage="${stage}"] [data-item="${item}"]`);
    await card.locator('[data-field="name"] input, input[data-field="name"]').first().fill(values.name);
    await card.locator('[data-field="department"]').click();
    await this.page.locator(`.el-select-dropdown__item[data-department="${values.department}"]:visible`).click();
    for (const [which, amount] of [['legal', values.legal], ['time', values.time]] as const) {
      if (amount === undefined) continue;
      const input = card.locator(`[data-testid="simple-${which}-limit"] .limit-amount input`);
      await input.fill(String(amount));
      await input.press('Enter');
    }
  }

  async upload(fileName: string, content: string): Promise<void> {
    await this.page.locator('[data-testid="upload-input"]').setInputFiles({ name: fileName, mimeType: 'application/xml', buffer: Buffer.from(content) });
  }

  /** `which`: `legal` or `time`; the unit picker is left at its value unless given. */
  async setLimit(which: 'legal' | 'time', amount: number, unit?: 'wd' | 'wh' | 'cd'): Promise<void> {
    const field = this.page.locator(`[data-testid="prop-${which}-limit"]`);
    if (unit) {
      await field.locator('.limit-unit').click();
      await this.page.locator(`.el-select-dropdown__item[data-unit="${unit}"]:visible`).click();
    }
    const input = field.locator('.limit-amount input');
    await input.fill(String(amount));
    await input.press('Enter');
  }

  problemsOf(elementId: string) {
    return this.page.locator(`[data-testid="problem-list"] li[data-element-id="${elementId}"]`);
  }

  async tab(name: 'problems' | 'analysis' | 'versions'): Promise<void> {
    await this.page.locator(`#tab-${name}`).click();
  }

  async compression(): Promise<number> {
    return Number(await this.page.locator('[data-testid="compression"]').getAttribute('data-value'));
  }

  /** Waits until the live analysis shows a compression other than `before`. */
  async compressionChangedFrom(before: number): Promise<number> {
    await this.page.waitForFunction(
      (old) => {
        // Runs in the page; the tests are type-checked without the DOM library.
        const page = globalThis as unknown as { document: { querySelector(selector: string): { getAttribute(name: string): string | null } | null } };
        const value = page.document.querySelector('[data-testid="compression"]')?.getAttribute('data-value');
        return value !== null && value !== undefined && Number(value) !== old;
      },
      before,
    );
    return this.compression();
  }
}
