// Thresholds every time-based rule reads; defaults here, overridden per repository in firebreak.yml.

export interface Policy {
  contact_review_days: number;
  contact_due_soon_days: number;
  plan_review_days: number;
  plan_exercise_days: number;
  plan_due_soon_days: number;
  review_within_days: number;
  lesson_due_soon_days: number;
  regulator_notification_hours: number;
  max_file_bytes: number;
  max_front_matter_bytes: number;
}

export const DEFAULT_POLICY: Readonly<Policy> = Object.freeze({
  contact_review_days: 90,
  contact_due_soon_days: 14,
  plan_review_days: 365,
  plan_exercise_days: 180,
  plan_due_soon_days: 30,
  review_within_days: 14,
  lesson_due_soon_days: 7,
  regulator_notification_hours: 72,
  max_file_bytes: 1024 * 1024,
  max_front_matter_bytes: 64 * 1024,
});

export type RuleSetting = 'error' | 'warning' | 'off';

export interface Config {
  policy: Policy;
  rules: Record<string, RuleSetting>;
}

export const DEFAULT_CONFIG: Config = { policy: { ...DEFAULT_POLICY }, rules: {} };
