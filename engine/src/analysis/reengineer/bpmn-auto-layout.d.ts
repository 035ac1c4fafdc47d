/**
 * bpmn-auto-layout 1.x ships no types. Its one export reads BPMN XML with
 * bpmn-moddle, drops any DI, lays out the first process and returns the XML
 * with new DI. Plain JavaScript: no DOM, no Node built-ins.
 */
declare module 'bpmn-auto-layout' {
  export function layoutProcess(xml: string): Promise<string>;
}
