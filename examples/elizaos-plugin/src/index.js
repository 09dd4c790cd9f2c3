// An ElizaOS plugin: one action that answers with a greeting (HELLO_GREETING, default "Hello").
const helloAction = {
  name: 'HELLO',
  similes: ['GREET', 'SAY_HELLO'],
  description: 'Greets the user',
  validate: async () => true,
  handler: async (runtime, message, _state, _options, callback) => {
    const greeting = runtime.getSetting?.('HELLO_GREETING') ?? 'Hello';
    const text = `${greeting}, ${message.content?.source ?? 'friend'}!`;
    await callback?.({ text, actions: ['HELLO'] });
    return { success: true, text };
  },
  examples: [],
};

export const helloPlugin = {
  name: 'hello',
  description: 'Greets the user',
  actions: [helloAction],
};

export default helloPlugin;
