/**
 * Messages with markup (`{#strong}Groups.{/strong} An event of a group…`) as runs of text, so a
 * sentence with a bold lead-in, a link or a piece of code stays one message in every language and
 * the template wraps each run in its element. Pure: no Svelte.
 */

/** The parts of a message Paraglide gives a message with markup (its `parts` function). */
type Part =
  | { type: 'text'; value: string }
  | { type: 'markup-start' | 'markup-end' | 'markup-standalone'; name: string };

/** A run of a message's text, and the markup around it (`null`: none). */
export interface Run {
  text: string;
  mark: string | null;
}

/** A compiled message; one with markup also has `parts` (left out of `m`'s types). */
type Message<I> = ((inputs: I) => string) | ((inputs?: I) => string);

/**
 * The message's text in runs, neighbours with the same markup joined; a translation that dropped
 * the markup reads as one plain run.
 * @example runs(m.views_method_rule_groups)
 * // [{ text: 'Groups.', mark: 'strong' }, { text: ' An event of a group…', mark: null }]
 */
export function runs<I>(message: Message<I>, inputs?: I): Run[] {
  const parts = (message as { parts?: (inputs?: I) => Part[] }).parts?.(inputs) ?? [
    { type: 'text', value: (message as (inputs?: I) => string)(inputs) },
  ];
  const out: Run[] = [];
  let mark: string | null = null;
  for (const part of parts) {
    if (part.type === 'markup-start') mark = part.name;
    else if (part.type === 'markup-end') mark = null;
    else if (part.type === 'text') {
      const last = out.at(-1);
      if (last && last.mark === mark) last.text += part.value;
      else out.push({ text: part.value, mark });
    }
  }
  return out;
}
