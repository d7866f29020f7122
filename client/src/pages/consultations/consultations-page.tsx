import { useQuery } from '@apollo/client/react';
import { Link } from 'wouter';
import { apiLang, useT } from '../../i18n/i18n';
import { Empty, ErrorState, Loading } from '../../ui/states';
import { useDocumentTitle } from '../../ui/use-document-title';
import { closingText } from './consultation-dates';
import { ConsultationsQuery } from './consultations.graphql';
import './consultations.css';

/** A Member State guest's home: the consultations open to them (and those they took part in). */
export function ConsultationsPage() {
  const { t, lang } = useT();
  const result = useQuery(ConsultationsQuery, {
    variables: { lang: apiLang(lang) },
    fetchPolicy: 'cache-and-network',
  });
  useDocumentTitle(t('consultations.title'));
  if (result.loading && !result.data) return <Loading />;
  if (!result.data) return <ErrorState error={result.error} retry={() => void result.refetch()} />;
  const list = result.data.consultations;
  return (
    <article className="consultations-page">
      <h1>{t('consultations.title')}</h1>
      <p className="muted">{t('consultations.intro')}</p>
      {list.length === 0 ? (
        <Empty>{t('consultations.none')}</Empty>
      ) : (
        <ul className="consultation-list">
          {list.map((c) => (
            <li key={c.id}>
              <h2>
                <Link to={`/consultations/${c.id}`}>{c.title}</Link>
              </h2>
              <p>
                {c.symbol && <span className="symbol">{c.symbol} · </span>}
                {c.versionLabel
                  ? t('consultations.versionLabel', {
                      number: c.versionNumber,
                      label: c.versionLabel,
                    })
                  : t('consultations.version', { number: c.versionNumber })}{' '}
                <span className={`consultation-state ${c.open ? 'is-open' : 'is-closed'}`}>
                  {c.open ? t('consultations.open') : t('consultations.closed')}
                </span>
              </p>
              <p className="small">{closingText(c, t, lang)}</p>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
