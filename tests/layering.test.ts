import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The architecture's arrows are lint rules; these tests prove the rules fire on a wrong-way import.
const eslint = new ESLint({
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-misused-promises': 'off',
    },
  },
});

async function problemsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => `${message.ruleId ?? 'parse'}: ${message.message}`);
}

describe('layering rules', () => {
  it('stops core from doing I/O, reading the environment or importing another workspace', async () => {
    expect(
      await problemsFor('core/src/probe.ts', "import express from 'express';\nexport const app = express;\n"),
    ).toEqual([expect.stringMatching(/no-restricted-imports: .*core\/ does no I\/O/)]);
    expect(await problemsFor('core/src/probe.ts', "export { createServer } from '@learnfit/api';\n")).toEqual(
      [expect.stringMatching(/no-restricted-imports/)],
    );
    expect(await problemsFor('core/src/probe.ts', 'export const mode = process.env.MODE;\n')).toContain(
      "no-restricted-globals: Unexpected use of 'process'. core/ reads no environment.",
    );
  });

  it('stops the bot from importing the API, and routes from reaching adapters', async () => {
    expect(
      await problemsFor(
        'bot/src/probe.ts',
        "import { composeApp } from '@learnfit/api';\nexport const x = composeApp;\n",
      ),
    ).toEqual([expect.stringMatching(/bot\/ receives ports/)]);
    expect(
      await problemsFor(
        'api/src/http/routes/probe.ts',
        "import { openStore } from '../../store/database';\nexport const x = openStore;\n",
      ),
    ).toEqual([expect.stringMatching(/Routes call services/)]);
  });

  it('allows the arrows the architecture wants', async () => {
    expect(
      await problemsFor(
        'api/src/services/probe.ts',
        "import { primaryRoleOf } from '@learnfit/core';\nexport const x = primaryRoleOf;\n",
      ),
    ).toEqual([]);
    expect(
      await problemsFor(
        'bot/src/probe.ts',
        "import type { InitiativeSummary } from '@learnfit/core';\nexport type X = InitiativeSummary;\n",
      ),
    ).toEqual([]);
  });
});
