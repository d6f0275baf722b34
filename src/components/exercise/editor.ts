/**
 * The exercise editor: CodeMirror 6 with a minimal setup (line numbers, history, bracket
 * matching, TypeScript highlighting). Tab indents; Escape then Tab moves focus out of the
 * editor (CodeMirror's own escape hatch for `indentWithTab`). Loaded on first use only.
 */
import { EditorState } from '@codemirror/state';
import { EditorView, drawSelection, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { HighlightStyle, bracketMatching, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { javascript } from '@codemirror/lang-javascript';
import { tags } from '@lezer/highlight';

/**
 * Colours from the GitHub light high-contrast theme (the one the page's build-time code
 * uses), each at least 4.5:1 on white, so the editor passes the same contrast check as the page.
 */
const highlightStyle = HighlightStyle.define([
  { tag: [tags.keyword, tags.modifier, tags.operatorKeyword, tags.controlKeyword, tags.definitionKeyword], color: '#a0111f' },
  { tag: [tags.string, tags.regexp], color: '#032563' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: '#023b95' },
  { tag: tags.comment, color: '#4b535d', fontStyle: 'italic' },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: '#622cbc' },
  { tag: [tags.typeName, tags.className], color: '#702c00' },
  { tag: tags.invalid, color: '#a0111f', textDecoration: 'underline' },
]);

export interface CodeEditor {
  getCode(): string;
  setCode(code: string): void;
  focus(): void;
}

export function createEditor(parent: HTMLElement, options: { code: string; label: string; onChange: (code: string) => void }): CodeEditor {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.code,
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        syntaxHighlighting(highlightStyle),
        javascript({ typescript: true }),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        EditorState.tabSize.of(2),
        EditorView.theme({ '.cm-gutters': { color: '#4b535d', backgroundColor: '#f6f8fa' }, '.cm-content': { fontFamily: 'var(--mono, monospace)' } }),
        EditorView.contentAttributes.of({ 'aria-label': options.label, spellcheck: 'false', autocapitalize: 'off', autocorrect: 'off' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    getCode: () => view.state.doc.toString(),
    setCode: (code) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } }),
    focus: () => view.focus(),
  };
}
