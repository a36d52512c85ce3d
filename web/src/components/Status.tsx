import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="muted" role="status">
      {t('common.loading')}
    </p>
  );
}

export function ErrorBox({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert">
      <strong>{t('common.error')}</strong> {errorMessage(error)}
    </div>
  );
}

/** A live region for form feedback: always rendered, so screen readers announce changes to it. */
export function FormMessage({ error, success }: { error?: unknown; success?: string | null }) {
  return (
    <div aria-live="polite" className="form-message">
      {error ? (
        <p className="alert alert-error" role="alert">
          {errorMessage(error)}
        </p>
      ) : success ? (
        <p className="alert alert-success">{success}</p>
      ) : null}
    </div>
  );
}
