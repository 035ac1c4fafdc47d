/** One department's service item on a card of the simple mode. */
export interface SimpleItem {
  id: string;
  name: string;
  department: string;
  itemCode: string;
  legalTimeLimit: string | undefined;
  timeLimit: string | undefined;
}

/** A stage: its items are handled in parallel (并联); stages follow one another. */
export interface SimpleStage {
  items: SimpleItem[];
}

export interface SimpleFlow {
  processId: string;
  name: string;
  stages: SimpleStage[];
}
