// One problem with a request or an input, named by the field it concerns and the rule it breaks, so the UI can point
// at the control and the CLI can print `field: message`.

export interface Problem {
  /** Dotted path of the request field, e.g. `image`, `prompt`, `dynamicMasks.2.trajectory`. */
  field: string;
  /** A stable id of the rule, e.g. `image.minSide`, `prompt.maxLength`. */
  rule: string;
  message: string;
  /** Warnings are shown but do not block (e.g. a model the tables do not know). */
  severity: 'error' | 'warning';
}

export const problem = (field: string, rule: string, message: string, severity: Problem['severity'] = 'error'): Problem => ({
  field,
  rule,
  message,
  severity,
});

export const hasErrors = (problems: readonly Problem[]): boolean => problems.some((p) => p.severity === 'error');
