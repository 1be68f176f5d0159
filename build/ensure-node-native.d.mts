export declare const PROBE_SCRIPT: string;
export interface StepResult {
  ok: boolean;
  detail: string;
}
export declare function ensureNodeNative(options: {
  probe: () => StepResult;
  rebuild: () => StepResult;
  log?: (message: string) => void;
}): 'ok' | 'rebuilt';
