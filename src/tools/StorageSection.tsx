/** What the browser keeps of the planner's work: how much is stored, how much room is left, whether it may be evicted. */
import { useEffect } from 'react';
import { formatBytes } from '../i18n/format';
import { useApp } from '../state/store';
import { insecureContext } from '../ui/InsecureNotice';
import { refreshEstimate } from './persist';
import { useStorage } from './storageState';
import { useToolStrings } from './useToolStrings';

export function StorageSection() {
  const t = useToolStrings();
  const lang = useApp((s) => s.lang);
  const status = useStorage((s) => s.status);
  const estimate = useStorage((s) => s.estimate);
  const persisted = useStorage((s) => s.persisted);
  useEffect(() => {
    void refreshEstimate();
  }, []);
  return (
    <section className="tool-section storage-section" aria-labelledby="storage-title">
      <h3 id="storage-title">{t.storageTitle}</h3>
      {status === 'unavailable' ? (
        <p className="hint" data-storage-info="session">
          {t.storageSession}
        </p>
      ) : (
        <>
          {estimate && (
            <p className="hint" data-storage-info="estimate">
              {t.storageUsage(formatBytes(estimate.usage, lang), formatBytes(Math.max(0, estimate.quota - estimate.usage), lang))}
            </p>
          )}
          {persisted !== null && <p className="hint">{persisted ? t.storagePersisted : t.storageNotPersisted}</p>}
        </>
      )}
      {insecureContext() && (
        <p className="hint" data-storage-info="insecure">
          {t.storageInsecure}
        </p>
      )}
    </section>
  );
}
