/**
 * Node, with modules transformed for the client: Svelte compiles the state modules' runes
 * (src/state/*.svelte.ts) for its browser runtime, where effects run. No DOM: they need none.
 */
import { builtinEnvironments, type Environment } from 'vitest/environments';

export default {
  ...builtinEnvironments.node,
  name: 'client-node',
  viteEnvironment: 'client',
} satisfies Environment;
