/** Test support (not exported): configurations that switch on one playbook. */
import { assertPlaybookConfig, playbookIds, type PlaybookConfig, type PlaybookId } from './playbookConfig';

/** Only `id` enabled, with `settings` overriding its defaults. */
export function onlyPlaybook(id: PlaybookId, settings: Readonly<Record<string, unknown>> = {}, rest: Readonly<Record<string, unknown>> = {}): PlaybookConfig {
  const playbooks = Object.fromEntries(playbookIds.map((other) => [other, other === id ? { ...settings, enabled: true } : { enabled: false }]));
  return assertPlaybookConfig({ ...rest, playbooks });
}
