import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiPost } from '../api';
import { FUNCTIONS, ROLES, type DelegationFunction, type Invitation, type Role } from '../types';
import { FormMessage } from './Status';
import { InstantText } from './Dates';

export function InviteForm({ participantListId }: { participantListId?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('delegate');
  const [participant, setParticipant] = useState('');
  const [functions, setFunctions] = useState<DelegationFunction[]>([]);
  const invite = useMutation({
    mutationFn: () =>
      apiPost<Invitation>('/invitations', {
        email: email.trim(),
        name: name.trim(),
        role,
        participant: participant.trim() ? participant.trim().toUpperCase() : null,
        functions,
      }),
  });

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    invite.mutate();
  }

  const link = invite.data ? new URL(invite.data.link, window.location.origin).toString() : null;

  return (
    <form onSubmit={onSubmit} className="form">
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${id}-email`}>{t('invite.email')}</label>
          <input id={`${id}-email`} type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('invite.name')}</label>
          <input id={`${id}-name`} required value={name} onChange={(e) => setName(e.target.value)} />
        </div>
      </div>
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${id}-role`}>{t('invite.role')}</label>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-participant`}>{t('invite.participant')}</label>
          <input
            id={`${id}-participant`}
            value={participant}
            list={participantListId}
            maxLength={16}
            aria-describedby={`${id}-participant-help`}
            onChange={(e) => setParticipant(e.target.value)}
          />
          <span id={`${id}-participant-help`} className="help">
            {t('invite.participantHelp')}
          </span>
        </div>
      </div>
      <fieldset>
        <legend>{t('invite.functions')}</legend>
        {FUNCTIONS.map((f) => (
          <label key={f} className="check">
            <input
              type="checkbox"
              checked={functions.includes(f)}
              onChange={(e) => setFunctions((cur) => (e.target.checked ? [...cur, f] : cur.filter((x) => x !== f)))}
            />
            {t(`function.${f}`)}
          </label>
        ))}
      </fieldset>
      <div className="actions">
        <button type="submit" className="button" disabled={invite.isPending}>
          {t('invite.submit')}
        </button>
      </div>
      <FormMessage error={invite.error} success={invite.data ? t('invite.sent', { email: invite.data.email }) : null} />
      {invite.data && link && (
        <div className="card issued-token">
          <p>{t('invite.linkIntro')}</p>
          <p>
            <a href={link} className="secret">
              {link}
            </a>
          </p>
          <p className="muted small">
            {t('invite.expires')} <InstantText iso={invite.data.expiresAt} />
          </p>
        </div>
      )}
    </form>
  );
}
