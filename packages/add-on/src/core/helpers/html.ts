/** Text into HTML, for pages filled in on the server. */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** `record[name]` only when the record itself has it: `{{constructor}}` is unknown, not Object. */
function own<T>(record: Record<string, T>, name: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, name) ? record[name] : undefined;
}

/**
 * Fills `{{name}}` placeholders with escaped values; `{{hidden_if_X}}` / `{{hidden_unless_X}}`
 * become a `hidden` attribute by the boolean X. An unknown placeholder is an error, not a blank.
 */
export function fillTemplate(html: string, values: Record<string, string>, flags: Record<string, boolean> = {}): string {
  return html.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const flag = /^hidden_(if|unless)_(\w+)$/.exec(name);
    if (flag) {
      const value = own(flags, flag[2] ?? '');
      if (value === undefined) throw new Error(`No flag ${flag[2] ?? ''} for the template`);
      return (flag[1] === 'if') === value ? 'hidden' : '';
    }
    const value = own(values, name);
    if (value === undefined) throw new Error(`No value ${name} for the template`);
    return escapeHtml(value);
  });
}
