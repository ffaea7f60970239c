/**
 * Answer settings from the environment, read when first needed: `STORYBOT_MIN_CONFIDENCE` (0–1;
 * 0 always answers) overrides the model's threshold. A bad value is an error that names the
 * variable, never a silent default.
 */
export class SettingError extends Error {}

export function parseMinConfidence(value: string | undefined, name = "STORYBOT_MIN_CONFIDENCE"): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new SettingError(`${name} must be a number from 0 to 1 (0 always answers)`);
  return n;
}

export function minConfidenceSetting(): number | undefined {
  return parseMinConfidence(process.env.STORYBOT_MIN_CONFIDENCE);
}
