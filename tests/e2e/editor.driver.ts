/**
 * The tour editor as a presenter drives it (`app.editor.when`, `app.editor.get`): opened from the running
 * tour, its buttons and fields named by the editor's string table (Chinese, the tests' interface).
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { STRINGS } from '../../src/i18n/strings';
import { EDITOR_STRINGS } from '../../src/tour/editor/editorStrings';
import { eitherLabel, literal } from './tools.driver';

const E = EDITOR_STRINGS.zh;
/** An editor's label in either language. */
const label = (key: EditorLabel) => eitherLabel(E[key] as string, EDITOR_STRINGS.en[key] as string);
type EditorLabel = { [K in keyof typeof E]: (typeof E)[K] extends string ? K : never }[keyof typeof E];

class EditorGet {
  constructor(private readonly page: Page) {}

  /** The editor's panel. */
  root(): Locator {
    return this.page.locator('.tour-editor');
  }

  /** An editor's button by its label's key (either language). */
  button(key: EditorLabel): Locator {
    return this.root().getByRole('button', { name: label(key) });
  }

  /** The stops of the tour being edited, in order ("1 title"). */
  stops(): Locator {
    return this.root().locator('.editor-stop-list .editor-stop');
  }

  /** The tours listed (the built-in one first). */
  tours(): Locator {
    return this.root().locator('.editor-tour');
  }

  /** A fieldset of the stop by its legend's key: its Chinese or English text box. */
  text(legend: 'stopTitle' | 'caption', lang: 'zh' | 'en'): Locator {
    return this.root()
      .locator('fieldset', { has: this.page.locator('legend', { hasText: new RegExp(`^${literal(E[legend])}`) }) })
      .getByLabel(lang === 'zh' ? E.textZh : E.textEn, { exact: true });
  }

  /** The stop's layers, a checkbox each. */
  layers(): Locator {
    return this.root().locator('fieldset', { has: this.page.locator('legend', { hasText: E.layers }) });
  }
}

class EditorWhen {
  constructor(
    private readonly page: Page,
    private readonly get: EditorGet,
    private readonly startTour: () => Promise<void>,
  ) {}

  /** Opens the editor as a presenter does: from the tour's controls (the tour started first unless it runs). */
  async open(): Promise<void> {
    if ((await this.page.locator('#tour-title').count()) === 0) await this.startTour();
    await this.page.getByRole('button', { name: eitherLabel(STRINGS.zh.editTour, STRINGS.en.editTour) }).click();
    await expect(this.page.getByRole('heading', { level: 2, name: label('title') })).toBeVisible();
  }

  /** Presses an editor's button by its label's key. */
  press(key: EditorLabel): Promise<void> {
    return this.get.button(key).click();
  }

  /** Starts a new tour named `name`. */
  async newTour(name?: string): Promise<void> {
    await this.press('newTour');
    if (name !== undefined) await this.get.root().getByLabel(E.name).fill(name);
  }

  /** Chooses a tour file to import. */
  importTour(name: string, text: string): Promise<void> {
    return this.get
      .root()
      .getByLabel(E.importTour)
      .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  }

  /** Waits until the editor says the tour is saved. */
  async saved(): Promise<void> {
    await expect(this.get.root().getByRole('status')).toHaveText(E.saved);
  }
}

export class EditorDriver {
  readonly get: EditorGet;
  readonly when: EditorWhen;
  constructor(page: Page, startTour: () => Promise<void>) {
    this.get = new EditorGet(page);
    this.when = new EditorWhen(page, this.get, startTour);
  }
}
