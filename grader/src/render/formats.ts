/**
 * The names of the report formats and their options, apart from the renderers themselves: the
 * command line needs them to parse flags, and must not load every renderer to start.
 */
export const FORMATS = ['text', 'json', 'junit', 'gradescope', 'github', 'markdown', 'classroom', 'prairielearn'] as const;
export type Format = (typeof FORMATS)[number];

export const GRADESCOPE_VISIBILITIES = ['visible', 'hidden', 'after_due_date', 'after_published'] as const;
export type GradescopeVisibility = (typeof GRADESCOPE_VISIBILITIES)[number];
