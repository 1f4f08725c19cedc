import {
  Avatar,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Tag,
  TagPicker,
  TagPickerControl,
  TagPickerGroup,
  TagPickerInput,
  TagPickerList,
  TagPickerOption,
  type TagPickerProps,
} from '@fluentui/react-components';
import { useState } from 'react';
import {
  useDirectorySearch,
  type DirectoryItem,
  type DirectoryKind,
  type DirectorySearchState,
} from '../../api/directory';
import { messageForError } from '../../messages/problem-messages';
import { fill, strings } from '../../messages/strings';
import { useDirectoryPickerStyles } from './DirectoryPicker.styles';

const s = strings.pickers;

/** What the picker shows: the chosen items, and which of the directory's kinds it searches. */
export interface DirectoryPickerProps {
  readonly kind: DirectoryKind;
  readonly label: string;
  readonly hint?: string;
  readonly selected: readonly DirectoryItem[];
  readonly onChange: (items: DirectoryItem[]) => void;
  readonly error?: string | undefined;
  /** Pause after typing before searching; tests shorten it. */
  readonly delayMs?: number;
  readonly testId?: string;
}

function statusText(search: DirectorySearchState, text: string, shown: number): string {
  if (search.status === 'idle') return s.typeToSearch;
  if (search.status === 'searching') return s.searching;
  if (search.status === 'failed') return '';
  if (shown === 0) return fill(s.noResults, { text: text.trim() });
  return shown === 1 ? s.resultsOne : fill(s.results, { count: shown });
}

/**
 * A keyboard-operable combobox over `GET /api/directory/{kind}`: type to search (after a pause), choose
 * with the arrow keys and Enter, chosen items appear as tags that Backspace or Delete removes.
 */
export function DirectoryPicker({
  kind,
  label,
  hint,
  selected,
  onChange,
  error,
  delayMs,
  testId,
}: DirectoryPickerProps) {
  const styles = useDirectoryPickerStyles();
  const [text, setText] = useState('');
  // Typing opens the list (the combobox alone opens it only on arrow keys or a click); an empty list stays shut.
  const [open, setOpen] = useState(false);
  const search = useDirectorySearch(kind, text, delayMs);
  const chosen = new Set(selected.map((item) => item.id));
  const options = search.status === 'ready' ? search.items.filter((item) => !chosen.has(item.id)) : [];

  const onOptionSelect: TagPickerProps['onOptionSelect'] = (_event, data) => {
    const known = new Map([...selected, ...options].map((item) => [item.id, item]));
    onChange(data.selectedOptions.flatMap((id) => known.get(id) ?? []));
    setText('');
  };

  const consent = search.status === 'failed' && search.error.code === 'consent_required';
  return (
    <div className={styles.root} data-testid={testId} data-search={search.status}>
      <Field
        label={label}
        {...(hint ? { hint } : {})}
        validationState={error ? 'error' : 'none'}
        {...(error ? { validationMessage: error } : {})}
      >
        <TagPicker
          onOptionSelect={onOptionSelect}
          selectedOptions={selected.map((item) => item.id)}
          open={open && options.length > 0}
          inline
          onOpenChange={(_event, data) => setOpen(data.open)}
        >
          <TagPickerControl>
            <TagPickerGroup aria-label={fill(s.selected, { count: selected.length })}>
              {selected.map((item) => (
                <Tag
                  key={item.id}
                  value={item.id}
                  shape="rounded"
                  dismissIcon={{ 'aria-label': fill(s.remove, { name: item.label }) }}
                >
                  {item.label}
                </Tag>
              ))}
            </TagPickerGroup>
            <TagPickerInput
              placeholder={s.placeholder[kind]}
              value={text}
              onChange={(event) => {
                setText(event.target.value);
                setOpen(true);
              }}
            />
          </TagPickerControl>
          <TagPickerList className={styles.list}>
            {options.map((item) => (
              <TagPickerOption
                key={item.id}
                value={item.id}
                text={item.label}
                media={
                  <Avatar
                    name={item.label}
                    size={24}
                    shape={kind === 'people' ? 'circular' : 'square'}
                    aria-hidden
                  />
                }
                {...(item.secondary ? { secondaryContent: item.secondary } : {})}
              >
                {item.label}
              </TagPickerOption>
            ))}
          </TagPickerList>
        </TagPicker>
      </Field>
      <Caption1 className={styles.status} role="status" aria-live="polite">
        {statusText(search, text, options.length)}
      </Caption1>
      {search.status === 'failed' ? (
        <MessageBar
          intent={consent ? 'warning' : 'error'}
          layout="multiline"
          data-testid={consent ? 'picker-consent' : 'picker-error'}
        >
          <MessageBarBody>
            <MessageBarTitle>
              {consent
                ? s.consentTitle
                : fill(s.searchFailed, { title: messageForError(search.error).title })}
            </MessageBarTitle>
            {consent ? s.consentBody : messageForError(search.error).body}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
