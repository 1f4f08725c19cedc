import { describe, expect, it } from 'vitest';
import { featuresFromForm, FitFormError, templatesInMessage } from './fit-templates';
import { reportLinks, targetOfUrl } from './links';

const settings = { publicUrl: 'https://learnfit.example.com', teamsAppId: 'app-1' };

describe('LearnFit links', () => {
  it('reads only this deployment’s report URLs', () => {
    expect(targetOfUrl(settings, 'https://learnfit.example.com/tab/index.html#/initiatives/i-1')).toEqual({
      kind: 'initiative',
      initiativeId: 'i-1',
      view: null,
    });
    expect(targetOfUrl(settings, 'https://learnfit.example.com/tab/#/initiatives/i-1/learners')).toEqual({
      kind: 'initiative',
      initiativeId: 'i-1',
      view: 'learners',
    });
    expect(targetOfUrl(settings, 'https://learnfit.example.com/tab/index.html#/report')).toEqual({
      kind: 'my-org',
    });
    for (const other of [
      'https://evil.example.com/tab/index.html#/report',
      'https://learnfit.example.com/other#/report',
      'https://learnfit.example.com/tab/index.html#/initiatives/i-1/secrets',
      'https://learnfit.example.com/tab/index.html#/admin',
      'not a url',
    ])
      expect(targetOfUrl(settings, other)).toBeNull();
  });

  it('builds a Teams deep link whose subEntityId is the tab path, with the web URL as fallback', () => {
    const links = reportLinks(settings, { kind: 'initiative', initiativeId: 'i-1', view: null });
    expect(links.web).toBe('https://learnfit.example.com/tab/index.html#/initiatives/i-1');
    const deep = new URL(links.teams ?? '');
    expect(deep.pathname).toBe('/l/entity/app-1/initiatives');
    expect(deep.searchParams.get('webUrl')).toBe(links.web);
    expect(JSON.parse(deep.searchParams.get('context') ?? '')).toEqual({ subEntityId: 'initiatives/i-1' });
    expect(reportLinks({ ...settings, teamsAppId: null }, { kind: 'my-org' }).teams).toBeNull();
  });
});

describe('fit-check templates', () => {
  it('preselects the formats a message mentions', () => {
    expect(templatesInMessage('<p>Weekly <b>Q&amp;A</b> in a Viva Engage community</p>')).toEqual([
      'peer-qa',
      'engage-community',
    ]);
    expect(templatesInMessage(null)).toEqual([]);
  });

  it('turns the form into features and refuses an empty or unknown one', () => {
    const features = featuresFromForm({
      templates: 'live-session',
      customMode: 'email',
      customName: 'Digest',
    });
    expect(features.map((feature) => [feature.name, feature.mode, feature.synchronous])).toEqual([
      ['Live session', 'meetings', true],
      ['Digest', 'email', false],
    ]);
    expect(() => featuresFromForm({})).toThrow(FitFormError);
    expect(() => featuresFromForm({ templates: 'telepathy' })).toThrow(FitFormError);
    expect(() => featuresFromForm({ customMode: 'carrier-pigeon' })).toThrow(FitFormError);
  });
});
