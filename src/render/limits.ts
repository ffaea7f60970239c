/** Discord's message limits (discord-api-docs: Message and Embed limits, Button). */
export const LIMITS = {
  content: 2000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedTotal: 6000,
  buttonsPerRow: 5,
  rows: 5,
  buttonLabel: 80,
  customId: 100,
} as const;
