// Whole-project rules for the infra test. Each returns the problems it finds; empty means the rule holds.
import { allowedValues, bound } from './bicep-checks';
import { declsOf, modulePath, resolve, type BicepProject } from './bicep-project';
import { get, identifiers, pathAt, references } from './bicep-query';
import type { BicepFile, Decl, DeclOf } from './bicep-reader';

const lineOf = (file: BicepFile, offset: number): number => file.source.slice(0, offset).split('\n').length;
const secureParams = (file: BicepFile): Set<string> =>
  new Set(
    declsOf(file, 'param')
      .filter((p) => p.secure)
      .map((p) => p.name),
  );

/** Params that nothing in their own file refers to. */
export function unusedParams(files: readonly BicepFile[]): string[] {
  return files.flatMap((file) => {
    const used = new Set(references(file).map((ref) => ref.name));
    return declsOf(file, 'param')
      .filter((param) => !used.has(param.name))
      .map((param) => `${file.path}: ${param.name}`);
  });
}

/** Module calls to missing files, unknown params passed, required params not passed, unused module files. */
export function moduleCallProblems(project: BicepProject, onDisk: readonly string[]): string[] {
  const problems = project.missing.map((m) => `${m.from}: no file for module '${m.module}'`);
  problems.push(...onDisk.filter((file) => !project.files.has(file)).map((file) => `${file}: never used`));
  for (const file of project.files.values()) {
    for (const call of declsOf(file, 'module')) {
      const target = project.files.get(modulePath(file, call));
      if (!target) continue;
      const params = get(call.body, 'params');
      const passed = params?.kind === 'object' ? params.entries.map((e) => e.key) : [];
      const declared = declsOf(target, 'param');
      for (const key of passed.filter((key) => !declared.some((p) => p.name === key)))
        problems.push(`${file.path}: module ${call.name} passes unknown param ${key}`);
      for (const param of declared.filter((p) => p.defaultValue === undefined && !passed.includes(p.name)))
        problems.push(`${file.path}: module ${call.name} misses required param ${param.name}`);
    }
  }
  return problems;
}

/**
 * Uses of @secure params outside the places a secret may go: a Key Vault secret's value, passed whole to a
 * @secure module param, or a PostgreSQL server's admin password (a write-only field ARM never returns).
 */
export function secureParamLeaks(project: BicepProject, files: readonly BicepFile[]): string[] {
  const allowed = (file: BicepFile, decl: Decl | undefined, where: string[], name: string): boolean => {
    if (decl?.keyword !== 'resource' && decl?.keyword !== 'module') return false;
    const value = get(decl.body, ...where);
    const whole = value?.kind === 'expr' && value.text === name;
    if (decl.keyword === 'module') {
      const target = project.files.get(modulePath(file, decl));
      const param = target && declsOf(target, 'param').find((p) => p.name === where[1]);
      return where[0] === 'params' && where.length === 2 && whole && param?.secure === true;
    }
    const type = decl.type.toLowerCase();
    if (type === 'microsoft.keyvault/vaults/secrets') return where.join('.') === 'properties.value';
    const adminPassword = where.join('.') === 'properties.administratorLoginPassword';
    return type === 'microsoft.dbforpostgresql/flexibleservers' && adminPassword && whole;
  };
  return files.flatMap((file) => {
    const secure = secureParams(file);
    return references(file)
      .filter((ref) => secure.has(ref.name))
      .flatMap((ref) => {
        const decl = ref.decl;
        const where =
          decl?.keyword === 'resource' || decl?.keyword === 'module' ? pathAt(decl.body, ref.start) : [];
        if (allowed(file, decl, where, ref.name)) return [];
        return [
          `${file.path}:${lineOf(file, ref.start)} ${ref.name} in ${decl?.keyword} ${decl?.name} ${where.join('.')}`,
        ];
      });
  });
}

/** Outputs that mention a @secure param, a list*() credential call, or a Key Vault secret's value. */
export function outputLeaks(project: BicepProject, files: readonly BicepFile[]): string[] {
  return files.flatMap((file) => {
    const secure = secureParams(file);
    return declsOf(file, 'output').flatMap((output) => {
      const target = resolve(project, file, output.value);
      const secretValue =
        target.kind === 'resource' &&
        /vaults\/secrets$/i.test(target.decl.type) &&
        target.members.includes('value');
      const mentions = identifiers(output.value).filter(
        (name) => secure.has(name) || /^list[A-Z]/.test(name),
      );
      return secretValue || mentions.length > 0 ? [`${file.path}: output ${output.name}`] : [];
    });
  });
}

const parametersSchema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#';

/**
 * Problems of one ARM parameter file against the template's params: unknown keys, required params
 * missing, secure params given anything but a `${{SECRET_...}}` placeholder or a Key Vault reference,
 * SECRET_ placeholders in non-secure params (they would show in the deployment history), and literal
 * values outside `@allowed`/`@minValue`/`@maxValue`.
 */
export function parameterFileProblems(
  params: readonly DeclOf<'param'>[],
  name: string,
  text: string,
): string[] {
  const doc = JSON.parse(text) as {
    $schema?: string;
    parameters?: Record<string, { value?: unknown; reference?: unknown }>;
  };
  const problems = doc.$schema === parametersSchema ? [] : [`${name}: $schema is not ${parametersSchema}`];
  const given = doc.parameters ?? {};
  for (const [key, raw] of Object.entries(given)) {
    const param = params.find((p) => p.name === key);
    if (!param) {
      problems.push(`${name}: ${key} is not a param of the template`);
      continue;
    }
    const value = raw.value;
    const viaKeyVault = typeof (raw.reference as { keyVault?: unknown } | undefined)?.keyVault === 'object';
    const secretPlaceholder = typeof value === 'string' && /^\$\{\{SECRET_[A-Z0-9_]+\}\}$/.test(value);
    if (param.secure && !secretPlaceholder && !viaKeyVault)
      problems.push(`${name}: ${key} is not a SECRET_ placeholder`);
    if (!param.secure && JSON.stringify(raw).includes('SECRET_'))
      problems.push(`${name}: secret in non-secure ${key}`);
    const allowed = allowedValues(param);
    if (allowed && !allowed.includes(value as string | number))
      problems.push(`${name}: ${key} is not an allowed value`);
    const [min, max] = [bound(param, 'minValue'), bound(param, 'maxValue')];
    if (
      typeof value === 'number' &&
      ((min !== undefined && value < min) || (max !== undefined && value > max))
    )
      problems.push(`${name}: ${key} is out of range`);
  }
  for (const param of params.filter((p) => p.defaultValue === undefined && !(p.name in given)))
    problems.push(`${name}: required ${param.name} is missing`);
  return problems;
}
