// Loaded with React.lazy: CodeMirror stays out of the first-load bundle.
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import {
  bracketMatching,
  defaultHighlightStyle,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, drawSelection, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import type { ModelIssueDetail } from '../api/types';
import { issuesToDiagnostics } from '../models/diagnostics';

export interface YamlEditorProps {
  value: string;
  onChange: (value: string) => void;
  issues: readonly ModelIssueDetail[];
  /** The editor's accessible name. */
  label: string;
  describedBy?: string;
}

export default function YamlEditor({ value, onChange, issues, label, describedBy }: YamlEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  // The text to start from when the editor is (re)created.
  const latest = useRef(value);
  latest.current = value;

  useEffect(() => {
    if (!host.current) return;
    const attributes: Record<string, string> = { 'aria-label': label };
    if (describedBy) attributes['aria-describedby'] = describedBy;
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: latest.current,
        extensions: [
          lineNumbers(),
          lintGutter(),
          history(),
          drawSelection(),
          highlightActiveLine(),
          indentOnInput(),
          bracketMatching(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          yaml(),
          // No Tab binding: Tab keeps moving focus out of the editor (WCAG 2.1.2, no keyboard trap).
          keymap.of([...defaultKeymap, ...historyKeymap]),
          EditorView.contentAttributes.of(attributes),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) onChangeRef.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
  }, [label, describedBy]);

  // Text set from outside (loaded, version bumped) replaces the document.
  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
    }
  }, [value]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    editor.dispatch(setDiagnostics(editor.state, issuesToDiagnostics(editor.state.doc.toString(), issues)));
  }, [issues]);

  return <div ref={host} className="code-editor" />;
}
