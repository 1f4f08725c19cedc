import { Body1, Button, Card, Field, Input, Spinner, Subtitle2, Title3 } from '@fluentui/react-components';
import type { FoundPerson } from '@learnfit/core';
import { useEffect, useState } from 'react';
import { entraObjectId, erasePerson, searchPeople } from '../../api/admin';
import { useApiClient } from '../../api/api-context';
import { toApiError, type ApiError } from '../../api/client';
import { ErrorPanel } from '../../components/ErrorPanel/ErrorPanel';
import { fill, strings } from '../../messages/strings';
import { useAdminPageStyles } from './AdminPage.styles';
import { ConfirmDialog } from '../../components/ConfirmDialog/ConfirmDialog';
import { ErasureOutcome, type ErasureOutcomeState } from './ErasureOutcome';

const text = strings.admin;
const searchDelayMs = 300;

type Search =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'found'; people: FoundPerson[] }
  | { status: 'failed'; error: ApiError };

/** Finds people by name as the admin types, a moment after the last key. */
function usePeopleSearch(query: string): Search {
  const client = useApiClient();
  const [search, setSearch] = useState<Search>({ status: 'idle' });
  useEffect(() => {
    const typed = query.trim();
    if (typed.length < 2) {
      setSearch({ status: 'idle' });
      return undefined;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setSearch({ status: 'searching' });
      searchPeople(client, typed, controller.signal).then(
        (people) => {
          if (!controller.signal.aborted) setSearch({ status: 'found', people });
        },
        (error: unknown) => {
          if (!controller.signal.aborted) setSearch({ status: 'failed', error: toApiError(error) });
        },
      );
    }, searchDelayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [client, query]);
  return search;
}

/** Erase everything LearnFit stores about one person, picked by name or by Entra object id. */
export function PersonErasure() {
  const styles = useAdminPageStyles();
  const client = useApiClient();
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<FoundPerson | null>(null);
  const [typedId, setTypedId] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ErasureOutcomeState | null>(null);
  const search = usePeopleSearch(query);

  const id = typedId.trim();
  const idInvalid = id !== '' && !entraObjectId.test(id);
  const target = picked
    ? { id: picked.id, name: picked.displayName }
    : id !== '' && !idInvalid
      ? { id, name: id }
      : null;

  const confirm = async () => {
    if (!target) return;
    setConfirming(false);
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome({ kind: 'done', result: await erasePerson(client, target.id) });
      setPicked(null);
      setTypedId('');
      setQuery('');
    } catch (error) {
      setOutcome({ kind: 'failed', error: toApiError(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className={styles.card} data-testid="admin-erase-person">
      <Title3 as="h2">{text.erasePersonHeading}</Title3>
      <Body1 as="p" className={styles.paragraph}>
        {text.erasePersonIntro}
      </Body1>
      <Field label={text.findPersonLabel} hint={text.findPersonHint}>
        <Input
          type="search"
          value={query}
          onChange={(_event, data) => {
            setQuery(data.value);
            setOutcome(null);
          }}
          data-testid="admin-person-search"
        />
      </Field>
      <div aria-live="polite">
        {search.status === 'searching' ? <Spinner size="tiny" label={text.searching} /> : null}
        {search.status === 'failed' ? <ErrorPanel error={search.error} /> : null}
        {search.status === 'found' && search.people.length === 0 ? (
          <Body1 as="p" className={styles.paragraph}>
            {text.nobodyFound}
          </Body1>
        ) : null}
      </div>
      {search.status === 'found' && search.people.length > 0 ? (
        <ul className={styles.results} aria-label={text.searchResults}>
          {search.people.map((person) => (
            <li key={person.id} className={styles.result}>
              <span>
                <Body1 block>{person.displayName}</Body1>
                <span className={styles.note}>
                  {[person.jobTitle, person.mail ?? person.userPrincipalName].filter(Boolean).join(' · ')}
                </span>
              </span>
              <Button
                size="small"
                onClick={() => {
                  setPicked(person);
                  setTypedId('');
                }}
                aria-label={fill(text.pickPerson, { name: person.displayName })}
                aria-pressed={picked?.id === person.id}
              >
                {picked?.id === person.id ? text.picked : text.pick}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <Field
        label={text.personIdLabel}
        hint={text.personIdHint}
        validationState={idInvalid ? 'error' : 'none'}
        validationMessage={idInvalid ? text.personIdInvalid : null}
      >
        <Input
          value={typedId}
          onChange={(_event, data) => {
            setTypedId(data.value);
            setPicked(null);
            setOutcome(null);
          }}
          data-testid="admin-person-id"
        />
      </Field>
      <Subtitle2 as="p" data-testid="admin-erase-person-target">
        {target ? fill(text.personChosen, { name: target.name }) : text.noPersonChosen}
      </Subtitle2>
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={!target || busy}
          onClick={() => setConfirming(true)}
          data-testid="admin-erase-person-start"
        >
          {busy ? text.erasing : text.erasePersonButton}
        </Button>
      </div>
      <ConfirmDialog
        testId="admin-confirm"
        open={confirming}
        title={fill(text.erasePersonConfirmTitle, { name: target?.name ?? '' })}
        body={text.erasePersonConfirmBody}
        confirmLabel={text.eraseConfirm}
        onConfirm={() => void confirm()}
        onCancel={() => setConfirming(false)}
      />
      <div role="status" aria-live="polite">
        {outcome ? <ErasureOutcome outcome={outcome} testId="admin-erase-person-result" /> : null}
      </div>
    </Card>
  );
}
