const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function mergeValue(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) merged[key] = mergeValue(base[key], value);
  return merged;
}

/**
 * The top-level variables a task's form values change. A form's keys are
 * paths (`company.creditCode`) while the engine replaces whole top-level
 * variables, so each touched variable is the instance's value with the
 * form's values laid over it: a department's form adds the credit code
 * without dropping the company name the front desk entered. Lists (tables)
 * are replaced whole, as the form submits every row.
 */
export function overlayValues(current: Readonly<Record<string, unknown>>, values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, mergeValue(current[key], value)]));
}
