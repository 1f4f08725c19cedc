// Reads infra/aad.manifest.json (Agents Toolkit Entra manifest, Microsoft Graph format) into a checked shape.
import { z } from 'zod';

/** One action of the toolkit lifecycle file: its `with:` settings and `writeToEnvironmentFile:` names. */
export interface LifecycleAction {
  readonly with: Readonly<Record<string, string>>;
  readonly writes: readonly string[];
}

/**
 * The actions of m365agents.yml that use `uses` (e.g. `aadApp/create`), read line by line: enough for
 * the flat `with:` and `writeToEnvironmentFile:` maps these tests need, without a YAML dependency.
 */
export function lifecycleActions(yaml: string, uses: string): LifecycleAction[] {
  const actions: LifecycleAction[] = [];
  const lines = yaml.split('\n');
  lines.forEach((line, index) => {
    if (line.trim() !== `- uses: ${uses}`) return;
    const settings: Record<string, string> = {};
    const writes: string[] = [];
    let block = '';
    for (const next of lines.slice(index + 1)) {
      if (/^\s*- uses:/.test(next) || /^\S/.test(next)) break;
      const entry = /^\s+([A-Za-z]+):\s*(.*)$/.exec(next);
      if (!entry) continue;
      const [, name = '', value = ''] = entry;
      if (value === '') block = name;
      else if (block === 'writeToEnvironmentFile') writes.push(value);
      else if (block === 'with') settings[name] = value;
    }
    actions.push({ with: settings, writes });
  });
  return actions;
}

const aadManifestSchema = z.object({
  id: z.string(),
  appId: z.string(),
  displayName: z.string(),
  signInAudience: z.string(),
  identifierUris: z.array(z.string()),
  api: z.object({
    requestedAccessTokenVersion: z.number(),
    oauth2PermissionScopes: z.array(
      z.object({ id: z.string(), value: z.string(), type: z.string(), isEnabled: z.boolean() }),
    ),
    preAuthorizedApplications: z.array(
      z.object({ appId: z.string(), delegatedPermissionIds: z.array(z.string()) }),
    ),
  }),
  appRoles: z.array(
    z.object({
      id: z.string(),
      value: z.string(),
      description: z.string(),
      allowedMemberTypes: z.array(z.string()),
      isEnabled: z.boolean(),
    }),
  ),
  web: z.object({
    redirectUris: z.array(z.string()),
    implicitGrantSettings: z.object({
      enableIdTokenIssuance: z.boolean(),
      enableAccessTokenIssuance: z.boolean(),
    }),
  }),
  requiredResourceAccess: z.array(
    z.object({
      resourceAppId: z.string(),
      resourceAccess: z.array(z.object({ id: z.string(), type: z.enum(['Scope', 'Role']) })),
    }),
  ),
});

/** The parts of the Entra manifest the permission tests read. */
export type AadManifest = z.infer<typeof aadManifestSchema>;

/** Parses the manifest; throws with the offending field when its shape is wrong. */
export function readAadManifest(text: string): AadManifest {
  return aadManifestSchema.parse(JSON.parse(text));
}
