interface PopupMenu { registerProvider(id: string, priority: number, provider: unknown): void }
type Entries = Record<string, unknown>;

/**
 * "Change element" options for kinds the engine does not run (the reader
 * reports them as unsupported): send, receive and script tasks, ad-hoc and
 * transaction sub-processes, event sub-processes, throw events, signal,
 * escalation, compensation, link, conditional and cancel events, complex and
 * instantiating gateways, data references.
 */
const UNSUPPORTED = /send-task|receive-task|script-task|ad-hoc|transaction|event-subprocess|signal|escalation|compensat|link|throw|complex|instantiate|cancel|data-|conditional-(start|intermediate|boundary)/;

export class TongbanReplaceMenuProvider {
  static $inject = ['popupMenu'];

  constructor(popupMenu: PopupMenu) {
    popupMenu.registerProvider('bpmn-replace', 500, this);
  }

  getPopupMenuEntries(): (entries: Entries) => Entries {
    return (entries) => Object.fromEntries(Object.entries(entries).filter(([key]) => !UNSUPPORTED.test(key)));
  }
}
