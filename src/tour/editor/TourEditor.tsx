/**
 * The tour editor, beside the live map (in the side panel's place): the tours (built-in and the
 * presenter's own), the open tour's stops and the stop being edited. Opened from the tour's controls.
 */
import './editor.css';
import { useEffect, useId, useRef, useState } from 'react';
import { useApp } from '../../state/store';
import { download } from '../../tools/exportData';
import { copyLink as copyToClipboard } from '../../ui/copyLink';
import { isTyping } from '../../ui/typing';
import { describeProblems, readTourFile } from '../readTour';
import { BUILT_IN_ID } from '../stops';
import { tourLink } from '../tourLink';
import { builtInTour, chooseTour, deleteTour, newTourId, saveTour, type TourDoc, useTours } from '../tours';
import { closeEditor, editTour, flushSave, isReadOnly, rename, undo, useEditor } from './editorState';
import { EDITOR_STRINGS } from './editorStrings';
import { StopForm } from './StopForm';
import { StopList } from './StopList';

/** The same form as geodata/tour.json: a file exported here can be committed as the built-in tour. */
const exportTour = (doc: TourDoc, name: string) =>
  download(`${name.replace(/[\\/:*?"<>|]+/g, '_') || 'tour'}.json`, `${JSON.stringify(doc.stops, null, 2)}\n`);

function ToursList() {
  const lang = useApp((s) => s.lang);
  const e = EDITOR_STRINGS[lang];
  const mine = useTours((s) => s.mine);
  const chosen = useTours((s) => s.chosen);
  const open = useEditor((s) => s.doc);
  const [confirming, setConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  // The question takes the focus from the button it replaced (safe answer first).
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);
  const fileId = useId();
  const notify = useApp((s) => s.notify);
  const builtIn = { ...builtInTour(), name: e.builtIn };
  const all: TourDoc[] = [builtIn, ...mine];
  const nameOf = (d: TourDoc) => (d.id === BUILT_IN_ID ? e.builtIn : d.name);
  const date = (ms: number) => new Date(ms).toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB');

  const create = async (doc: TourDoc) => {
    try {
      await saveTour(doc);
    } catch {
      notify(e.saveFailed);
    }
    editTour(useTours.getState().mine.find((t) => t.id === doc.id) ?? doc);
  };
  const duplicate = () => {
    if (!open) return;
    void create({ id: newTourId(), name: e.copyName(nameOf(open)), stops: structuredClone(open.stops), updated: Date.now() });
  };
  const fresh = () => {
    const first = builtIn.stops[0];
    if (!first) return;
    // A new tour starts with one stop: the county, as the built-in tour opens.
    void create({ id: newTourId(), name: e.newTourName(mine.length + 1), stops: [structuredClone(first)], updated: Date.now() });
  };
  const importFile = async (file: File) => {
    const read = await readTourFile(file);
    if ('problems' in read) {
      notify(e.importRefused(file.name, describeProblems(read.problems)));
      return;
    }
    const name = file.name.replace(/\.json$/i, '');
    await create({ id: newTourId(), name, stops: read.stops, updated: Date.now() });
    notify(e.imported(name, read.stops.length));
  };
  const copyLink = async () => {
    if (!open) return;
    const link = await tourLink(open.stops, location.href);
    if ('tooLong' in link) {
      notify(e.linkTooLong(link.tooLong, 8000));
      return;
    }
    // No clipboard (an insecure origin, a denied permission): the link is shown selected, to copy by hand.
    if (await copyToClipboard(link.url)) notify(e.linkCopied);
  };
  const remove = async () => {
    if (!open || isReadOnly(open)) return;
    setConfirming(false);
    try {
      await deleteTour(open.id);
      editTour({ ...builtIn });
    } catch {
      notify(e.saveFailed);
    }
  };

  return (
    <section className="editor-tours" aria-labelledby="editor-tours-title">
      <h3 id="editor-tours-title">{e.tours}</h3>
      <ul className="editor-tour-list">
        {all.map((d) => (
          <li key={d.id} className={open?.id === d.id ? 'current' : ''}>
            <button
              type="button"
              className="editor-tour"
              aria-current={open?.id === d.id ? 'true' : undefined}
              onClick={() => editTour(d.id === BUILT_IN_ID ? builtIn : d)}
            >
              <span className="editor-tour-name">{nameOf(d)}</span>
              <span className="editor-tour-meta">
                {e.stopsCount(d.stops.length)}
                {d.updated > 0 ? ` · ${e.updated(date(d.updated))}` : ''}
                {chosen === d.id ? ` · ${e.chosen}` : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <div className="editor-row">
        <button type="button" onClick={fresh}>
          {e.newTour}
        </button>
        <button type="button" onClick={duplicate} disabled={!open}>
          {e.duplicateTour}
        </button>
        <button type="button" onClick={() => open && chooseTour(open.id)} disabled={!open || chosen === open.id}>
          {e.choose}
        </button>
        <label className="editor-file" htmlFor={fileId}>
          {e.importTour}
          <input
            id={fileId}
            type="file"
            accept=".json,application/json"
            onChange={(ev) => {
              const f = ev.target.files?.[0];
              ev.target.value = '';
              if (f) void importFile(f);
            }}
          />
        </label>
        <button type="button" onClick={() => open && void flushSave().then(() => exportTour(open, nameOf(open)))} disabled={!open}>
          {e.exportTour}
        </button>
        <button type="button" onClick={() => void copyLink()} disabled={!open}>
          {e.copyLink}
        </button>
        {open && !isReadOnly(open) && !confirming && (
          <button type="button" className="editor-danger" onClick={() => setConfirming(true)}>
            {e.deleteTour}
          </button>
        )}
      </div>
      {confirming && open && (
        <div className="editor-confirm" role="alertdialog" aria-label={e.deleteTour}>
          <p>{e.confirmDelete(nameOf(open))}</p>
          <div className="editor-row">
            <button type="button" className="editor-danger" onClick={() => void remove()}>
              {e.deleteTour}
            </button>
            <button type="button" ref={cancelRef} onClick={() => setConfirming(false)}>
              {e.cancel}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

export function TourEditor() {
  const lang = useApp((s) => s.lang);
  const e = EDITOR_STRINGS[lang];
  const doc = useEditor((s) => s.doc);
  const save = useEditor((s) => s.save);
  const canUndo = useEditor((s) => s.history.length > 0);
  const nameId = useId();
  // Ctrl+Z / ⌘Z undoes the editor's last change (outside a text field, which has its own undo).
  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      if ((ev.ctrlKey || ev.metaKey) && ev.key.toLowerCase() === 'z' && !ev.shiftKey && !isTyping(ev.target)) {
        ev.preventDefault();
        undo();
      } else if (ev.key === 'Escape' && !isTyping(ev.target)) closeEditor();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const readOnly = isReadOnly(doc);
  return (
    <aside className="side-panel tour-editor" aria-labelledby="editor-title">
      <header className="editor-head">
        <h2 id="editor-title">{e.title}</h2>
        <button type="button" className="close-button" aria-label={e.close} onClick={closeEditor}>
          ×
        </button>
      </header>
      <ToursList />
      {doc && (
        <>
          {readOnly ? (
            <p className="editor-help">{e.builtInNote}</p>
          ) : (
            <div className="editor-field editor-name">
              <label htmlFor={nameId}>{e.name}</label>
              <input id={nameId} type="text" value={doc.name} onChange={(ev) => rename(ev.target.value)} />
              <span className={`editor-save ${save}`} role="status">
                {save === 'saving' ? e.saving : save === 'saved' ? e.saved : save === 'failed' ? e.saveFailed : ''}
              </span>
              <button type="button" onClick={undo} disabled={!canUndo}>
                {e.undo}
              </button>
            </div>
          )}
          <StopList />
          <StopForm />
        </>
      )}
    </aside>
  );
}
