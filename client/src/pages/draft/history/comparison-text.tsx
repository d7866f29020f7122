import { useId } from 'react';
import { useT } from '../../../i18n/i18n';
import { type Block, blocksOf, type Change } from './comparison-blocks';

/**
 * What changed, block by block with the draft's paragraph numbers. Inserted text is underlined,
 * deleted text struck through (not colour alone), and each says what it is to screen readers;
 * who made a change shows on hover and on keyboard focus, and is its accessible description.
 */
export function ComparisonText({ changes }: { changes: readonly Change[] }) {
  const { t } = useT();
  const blocks = blocksOf(changes);
  if (!changes.some((c) => c.kind !== 'UNCHANGED'))
    return <p className="compare-none">{t('history.noChanges')}</p>;
  return (
    <div className="compare-text">
      {blocks.map((block, i) => (
        // Blocks have no identity of their own: their order is it.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <BlockView key={i} block={block} />
      ))}
    </div>
  );
}

function BlockView({ block }: { block: Block }) {
  const { t } = useT();
  return (
    <p className={block.number === null ? 'compare-block' : 'compare-block compare-numbered'}>
      {block.number !== null && (
        <span className="compare-number">{t('history.paragraphNumber', { n: block.number })}</span>
      )}
      {block.parts.map((part, i) =>
        part.kind === 'UNCHANGED' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: passages are in document order
          <span key={i}>{part.text}</span>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: passages are in document order
          <ChangeView key={i} change={part} />
        ),
      )}
    </p>
  );
}

function ChangeView({ change }: { change: Change }) {
  const { t } = useT();
  const tip = useId();
  const inserted = change.kind === 'INSERTED';
  const names = change.authors.map((a) => a.name).join(', ');
  const who = names
    ? t(inserted ? 'history.insertedBy' : 'history.deletedBy', { names })
    : t(inserted ? 'history.insertedByUnknown' : 'history.deletedByUnknown');
  const Tag = inserted ? 'ins' : 'del';
  return (
    <span className="change">
      <Tag
        className={inserted ? 'change-inserted' : 'change-deleted'}
        // Focusable so that who made it can be read from the keyboard too.
        tabIndex={0}
        aria-describedby={tip}
      >
        <span className="visually-hidden">
          {t(inserted ? 'history.insertedStart' : 'history.deletedStart')}
        </span>
        {change.text}
        <span className="visually-hidden">
          {t(inserted ? 'history.insertedEnd' : 'history.deletedEnd')}
        </span>
      </Tag>
      <span role="tooltip" id={tip} className="change-tip">
        {who}
      </span>
    </span>
  );
}
