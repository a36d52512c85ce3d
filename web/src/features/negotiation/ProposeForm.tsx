import { useId, useMemo, useRef, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { tokenize } from '../../../../src/core/negotiation';
import { FormMessage } from '../../components/Status';
import { useNegotiationAct } from './live';
import { KINDS, type NewProposal, type ProposalType, type Provision, type ProvisionKind } from './types';

type AmendMode = 'replace' | 'insert' | 'strike';

export interface Picked {
  provisionId: string;
  start: number;
  end: number;
  n: number;
}

/**
 * Proposing on one provision. Words are chosen with the mouse (in the text or here, first word then
 * last word) or with the two selectors, which is the keyboard path; both set the same range.
 */
export function ProposeForm({ negotiationId, provision, label, picked }: { negotiationId: string; provision: Provision; label: string; picked: Picked | null }) {
  const { t } = useTranslation();
  const id = useId();
  const words = useMemo(() => tokenize(provision.text), [provision.text]);
  const fromPick = picked && picked.provisionId === provision.id && picked.end <= words.length ? picked : null;
  const [type, setType] = useState<ProposalType>(fromPick || words.length > 0 ? 'amend' : 'alternative');
  const [mode, setMode] = useState<AmendMode>('replace');
  const [from, setFrom] = useState(fromPick?.start ?? 0);
  const [to, setTo] = useState(fromPick ? fromPick.end - 1 : 0);
  const [insertAt, setInsertAt] = useState(words.length);
  const [clickedFirst, setClickedFirst] = useState<number | null>(null);
  const [text, setText] = useState(fromPick ? words.slice(fromPick.start, fromPick.end).join(' ') : '');
  const [altText, setAltText] = useState(provision.text);
  const [newText, setNewText] = useState('');
  const [newKind, setNewKind] = useState<ProvisionKind>(provision.kind === 'heading' ? 'pp' : provision.kind);
  const [justification, setJustification] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const submit = useNegotiationAct(negotiationId, () => `/negotiations/${negotiationId}/proposals`, (b: NewProposal) => b);

  useEffect(() => {
    if (fromPick) textRef.current?.focus();
    // Only on mount: the form is keyed on the selection, so a new selection mounts it afresh.
  }, []);

  const lo = Math.min(from, to);
  const hi = Math.max(from, to);

  function pickWord(i: number) {
    if (type !== 'amend') setType('amend');
    if (mode === 'insert') {
      setInsertAt(i);
      return;
    }
    if (clickedFirst === null) {
      setFrom(i);
      setTo(i);
      setClickedFirst(i);
    } else {
      setFrom(Math.min(clickedFirst, i));
      setTo(Math.max(clickedFirst, i));
      setClickedFirst(null);
    }
  }

  function body(): NewProposal {
    const j = justification.trim() || null;
    switch (type) {
      case 'amend':
        if (mode === 'insert') return { provisionId: provision.id, type, range: { start: insertAt, end: insertAt }, text: text.trim(), justification: j };
        return { provisionId: provision.id, type, range: { start: lo, end: hi + 1 }, text: mode === 'strike' ? null : text.trim(), justification: j };
      case 'alternative':
        return { provisionId: provision.id, type, text: altText.trim(), justification: j };
      case 'insert_after':
        return { provisionId: provision.id, type, text: newText.trim(), newKind, justification: j };
      case 'delete':
        return { provisionId: provision.id, type, justification: j };
    }
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    submit.mutate(body(), {
      onSuccess: () => {
        setDone(t('negotiation.propose.done'));
        setText('');
        setJustification('');
      },
    });
  }

  const wordOption = (w: string, i: number) => (
    <option key={i} value={i}>
      {`${i + 1} · ${w}`}
    </option>
  );
  const inRange = (i: number) => (type === 'amend' && mode !== 'insert' ? i >= lo && i <= hi : false);

  return (
    <form className="form propose-form" onSubmit={onSubmit} aria-labelledby={`${id}-h`} data-testid="propose-form">
      <h3 id={`${id}-h`}>{t('negotiation.propose.title', { label })}</h3>
      <fieldset>
        <legend>{t('negotiation.propose.type')}</legend>
        <div className="radio-row">
          {(['amend', 'alternative', 'insert_after', 'delete'] as const).map((k) => (
            <label key={k} className="check">
              <input type="radio" name={`${id}-type`} value={k} checked={type === k} disabled={k === 'amend' && words.length === 0} onChange={() => setType(k)} />
              {t(`negotiation.propose.types.${k}`)}
            </label>
          ))}
        </div>
      </fieldset>

      {type === 'amend' && (
        <>
          <fieldset>
            <legend>{t('negotiation.propose.mode')}</legend>
            <div className="radio-row">
              {(['replace', 'insert', 'strike'] as const).map((m) => (
                <label key={m} className="check">
                  <input type="radio" name={`${id}-mode`} value={m} checked={mode === m} onChange={() => setMode(m)} />
                  {t(`negotiation.propose.modes.${m}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <div>
            <p className="help" id={`${id}-words-help`}>
              {mode === 'insert' ? t('negotiation.propose.wordsHelpInsert') : t('negotiation.propose.wordsHelp')}
            </p>
            <p className="word-picker" aria-describedby={`${id}-words-help`}>
              {words.map((w, i) => (
                <span
                  key={i}
                  className={`word${inRange(i) ? ' in-range' : ''}${mode === 'insert' && insertAt === i ? ' insert-here' : ''}`}
                  onClick={() => pickWord(i)}
                >
                  {w}
                </span>
              ))}
              {mode === 'insert' && <span className={`word end-marker${insertAt === words.length ? ' insert-here' : ''}`} onClick={() => setInsertAt(words.length)}>¶</span>}
            </p>
          </div>
          {mode === 'insert' ? (
            <div className="field">
              <label htmlFor={`${id}-at`}>{t('negotiation.propose.insertBefore')}</label>
              <select id={`${id}-at`} value={insertAt} onChange={(e) => setInsertAt(Number(e.target.value))} data-testid="propose-insert-at">
                {words.map(wordOption)}
                <option value={words.length}>{t('negotiation.propose.atEnd')}</option>
              </select>
            </div>
          ) : (
            <div className="form-row">
              <div className="field">
                <label htmlFor={`${id}-from`}>{t('negotiation.propose.from')}</label>
                <select id={`${id}-from`} value={from} onChange={(e) => setFrom(Number(e.target.value))} data-testid="propose-from">
                  {words.map(wordOption)}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${id}-to`}>{t('negotiation.propose.to')}</label>
                <select id={`${id}-to`} value={to} onChange={(e) => setTo(Number(e.target.value))} data-testid="propose-to">
                  {words.map(wordOption)}
                </select>
              </div>
            </div>
          )}
          {mode !== 'insert' && (
            <p className="help" aria-live="polite">
              {mode === 'strike' ? t('negotiation.propose.willStrike') : t('negotiation.propose.willReplace')} “{words.slice(lo, hi + 1).join(' ')}”
            </p>
          )}
          {mode !== 'strike' && (
            <div className="field">
              <label htmlFor={`${id}-text`}>{mode === 'insert' ? t('negotiation.propose.insertText') : t('negotiation.propose.replaceText')}</label>
              <textarea id={`${id}-text`} ref={textRef} rows={2} required maxLength={20000} value={text} onChange={(e) => setText(e.target.value)} data-testid="propose-text" />
            </div>
          )}
        </>
      )}

      {(type === 'alternative' || type === 'insert_after') && (
        <>
          {type === 'insert_after' && (
            <div className="field">
              <label htmlFor={`${id}-kind`}>{t('negotiation.propose.newKind')}</label>
              <select id={`${id}-kind`} value={newKind} onChange={(e) => setNewKind(e.target.value as ProvisionKind)}>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`negotiation.kind.${k}`)}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor={`${id}-alt`}>{type === 'alternative' ? t('negotiation.propose.altText') : t('negotiation.propose.newText')}</label>
            <textarea id={`${id}-alt`} rows={4} required maxLength={20000} value={type === 'alternative' ? altText : newText}
              onChange={(e) => (type === 'alternative' ? setAltText : setNewText)(e.target.value)}
            />
          </div>
        </>
      )}

      {type === 'delete' && <p className="help">{t('negotiation.propose.deleteHelp', { label })}</p>}

      <div className="field">
        <label htmlFor={`${id}-why`}>{t('negotiation.propose.justification')}</label>
        <textarea id={`${id}-why`} rows={2} maxLength={5000} value={justification} onChange={(e) => setJustification(e.target.value)} />
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={submit.isPending} data-testid="propose-submit">
          {t('negotiation.propose.submit')}
        </button>
      </div>
      <FormMessage error={submit.error} success={done} />
    </form>
  );
}
