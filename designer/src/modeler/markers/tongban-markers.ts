interface Canvas { addMarker(id: string, marker: string): void; removeMarker(id: string, marker: string): void }
interface ElementRegistry { get(id: string): unknown }
interface Overlays {
  add(id: string, type: string, overlay: { position: Record<string, number>; html: HTMLElement }): string;
  remove(filter: { type: string }): void;
}

export interface ProblemMark {
  readonly elementId: string;
  readonly severity: 'error' | 'warning';
}

const PROBLEM_MARKERS = ['tb-problem-error', 'tb-problem-warning'];
const CRITICAL = 'tb-critical';

/**
 * Draws what the engine found onto the canvas: a red or orange outline and a
 * count badge on elements with problems, a highlight on the critical path
 * and the slack of each task. Markers are CSS classes, so they never enter
 * the diagram or the command stack.
 */
export class TongbanMarkers {
  static $inject = ['canvas', 'elementRegistry', 'overlays'];

  private problemIds: string[] = [];
  private criticalIds: string[] = [];

  constructor(
    private readonly canvas: Canvas,
    private readonly elementRegistry: ElementRegistry,
    private readonly overlays: Overlays,
  ) {}

  showProblems(marks: readonly ProblemMark[]): void {
    for (const id of this.problemIds) for (const marker of PROBLEM_MARKERS) this.canvas.removeMarker(id, marker);
    this.overlays.remove({ type: 'tb-problem' });
    const byElement = new Map<string, ProblemMark[]>();
    for (const mark of marks) {
      if (!this.elementRegistry.get(mark.elementId)) continue;
      byElement.set(mark.elementId, [...(byElement.get(mark.elementId) ?? []), mark]);
    }
    this.problemIds = [...byElement.keys()];
    for (const [id, list] of byElement) {
      const severity = list.some((m) => m.severity === 'error') ? 'error' : 'warning';
      this.canvas.addMarker(id, `tb-problem-${severity}`);
      this.overlays.add(id, 'tb-problem', { position: { top: -10, right: 10 }, html: badge(`tb-badge tb-badge-${severity}`, String(list.length)) });
    }
  }

  showAnalysis(criticalPath: readonly string[], slack: Readonly<Record<string, number>>, slackLabel: (days: number) => string): void {
    for (const id of this.criticalIds) this.canvas.removeMarker(id, CRITICAL);
    this.overlays.remove({ type: 'tb-slack' });
    this.criticalIds = criticalPath.filter((id) => this.elementRegistry.get(id));
    for (const id of this.criticalIds) this.canvas.addMarker(id, CRITICAL);
    for (const [id, days] of Object.entries(slack)) {
      if (days <= 0 || !this.elementRegistry.get(id)) continue;
      this.overlays.add(id, 'tb-slack', { position: { bottom: 12, left: 0 }, html: badge('tb-badge tb-badge-slack', slackLabel(days)) });
    }
  }
}

function badge(className: string, text: string): HTMLElement {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}
