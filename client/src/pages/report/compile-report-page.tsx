import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useId, useState } from 'react';
import { useLocation } from 'wouter';
import type { CompileChoicesQuery as Choices } from '../../gql/graphql';
import { apiLang, useT } from '../../i18n/i18n';
import { formatDate } from '../../ui/dates';
import { errorText } from '../../ui/error-text';
import { shownData } from '../../ui/shown-data';
import { Empty, ErrorState, Loading } from '../../ui/states';
import { useDocumentTitle } from '../../ui/use-document-title';
import { CompileChoicesQuery, CompileReportMutation } from './report.graphql';

type Group = Choices['workingGroups'][number];

/** The newest version of the group's first draft that has one: what the report usually takes. */
function defaultVersion(group: Group): string {
  for (const draft of group.drafts) {
    const newest = draft.versions[draft.versions.length - 1];
    if (newest) return newest.id;
  }
  return '';
}

/**
 * "Compile the review report": for each working group, the version of its draft that becomes its
 * section (or none), and the section's heading; the report is made as a new draft and opened.
 */
export function CompileReportPage() {
  const { t, lang } = useT();
  const ids = useId();
  const [, navigate] = useLocation();
  const result = useQuery(CompileChoicesQuery, { variables: { lang: apiLang(lang) } });
  const data = shownData(result);
  const [compile] = useMutation(CompileReportMutation, { refetchQueries: ['Dashboard'] });
  // What the person changed; groups they left alone take the default version.
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [headings, setHeadings] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  useDocumentTitle(t('report.compileTitle'));

  if (result.loading && !data) return <Loading />;
  if (result.error && !data)
    return <ErrorState error={result.error} retry={() => void result.refetch()} />;
  if (!data) return null;
  const title = <h1>{t('report.compileTitle')}</h1>;
  if (!data.committee?.can.compileReport)
    return (
      <div className="compile-report">
        {title}
        <p className="notice">{t('report.notAllowed')}</p>
      </div>
    );
  const groups = [...data.workingGroups].sort((a, b) => a.number - b.number);
  const versionOf = (g: Group) => chosen[g.id] ?? defaultVersion(g);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const sections = groups
      .filter((g) => versionOf(g))
      .map((g) => ({ versionId: versionOf(g), heading: headings[g.id]?.trim() || null }));
    if (sections.length === 0) {
      setMessage(t('report.chooseOne'));
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const { data: made } = await compile({ variables: { input: { sections } } });
      if (made) navigate(`/drafts/${made.compileReport.id}`);
    } catch (err) {
      setMessage(errorText(err, lang));
      setBusy(false);
    }
  };

  return (
    <div className="compile-report">
      {title}
      <p className="muted">{t('report.compileIntro')}</p>
      <form className="details-form compile-form" onSubmit={submit} aria-busy={busy}>
        {groups.map((g) => {
          const withVersions = g.drafts.filter((d) => d.versions.length > 0);
          const selected = versionOf(g);
          const draft = g.drafts.find((d) => d.versions.some((v) => v.id === selected));
          return (
            <fieldset key={g.id} data-group={g.number}>
              <legend>
                {t('report.section', { n: g.number })} — {g.title}
              </legend>
              {withVersions.length === 0 ? (
                <Empty>{t('report.noVersions')}</Empty>
              ) : (
                <>
                  <label>
                    {t('report.version')}
                    <select
                      value={selected}
                      onChange={(e) => setChosen({ ...chosen, [g.id]: e.target.value })}
                    >
                      <option value="">{t('report.leaveOut')}</option>
                      {withVersions.map((d) => (
                        <optgroup key={d.id} label={d.localTitle}>
                          {[...d.versions].reverse().map((v) => (
                            <option key={v.id} value={v.id}>
                              {t('report.versionOption', {
                                number: v.number,
                                date: formatDate(v.createdAt, lang),
                              })}
                              {v.label ? ` — ${v.label}` : ''}
                            </option>
                          ))}
                        </optgroup>
                      ))}
                    </select>
                  </label>
                  <label>
                    {t('report.heading')}
                    <input
                      lang="en"
                      value={headings[g.id] ?? ''}
                      maxLength={200}
                      placeholder={draft?.title ?? ''}
                      disabled={!selected}
                      aria-describedby={`${ids}-heading-hint`}
                      onChange={(e) => setHeadings({ ...headings, [g.id]: e.target.value })}
                    />
                  </label>
                </>
              )}
            </fieldset>
          );
        })}
        <p className="hint" id={`${ids}-heading-hint`}>
          {t('report.headingHint')}
        </p>
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('report.compiling') : t('report.compile')}
          </button>
        </div>
        <div role="status">{busy && <p className="notice">{t('report.compiling')}</p>}</div>
        {message && (
          <p className="notice notice-error" role="alert">
            {message}
          </p>
        )}
      </form>
    </div>
  );
}
