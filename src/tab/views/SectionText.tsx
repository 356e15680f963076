import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import type { SectionBlock, TextPiece } from './section-text.js';

const useStyles = makeStyles({
  // The quote of an answer in its section: the theme's own colours, so it reads in light, dark and high contrast.
  mark: {
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorNeutralForeground1,
    outline: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
  },
});

function Pieces({ pieces }: { pieces: TextPiece[] }) {
  const styles = useStyles();
  return (
    <Body1>
      {pieces.map((p, i) =>
        p.marked ? (
          <mark key={i} className={styles.mark}>
            {p.text}
          </mark>
        ) : (
          p.text
        ),
      )}
    </Body1>
  );
}

/** A section's text (or the part that holds a quote) as paragraphs and lists, a quote in it marked. */
export function SectionText({ blocks }: { blocks: SectionBlock[] }) {
  return (
    <>
      {blocks.map((block, i) =>
        block.kind === 'list' ? (
          <ul key={i}>
            {block.items.map((item, j) => (
              <li key={j}>
                <Pieces pieces={item} />
              </li>
            ))}
          </ul>
        ) : (
          <p key={i}>
            <Pieces pieces={block.pieces} />
          </p>
        ),
      )}
    </>
  );
}
