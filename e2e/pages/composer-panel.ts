// The composer's parameters as a person uses them: model, mode, duration, CFG scale, camera, sound and voices,
// variations, and the checklist of problems. Names are the accessible names the issue fixes.
import { expect, type Locator, type Page } from '@playwright/test';

export class ComposerPanel {
  constructor(readonly page: Page) {}

  get model(): Locator {
    return this.page.getByRole('combobox', { name: 'Model', exact: true });
  }
  get modelName(): Locator {
    return this.page.getByRole('textbox', { name: 'Model name' });
  }
  get negativePrompt(): Locator {
    return this.page.getByRole('textbox', { name: /^Negative prompt/ });
  }
  get cfgScale(): Locator {
    return this.page.getByRole('slider', { name: 'CFG scale' });
  }
  /** A radio of the Mode or Duration group, found by the start of its name (the reason follows it). */
  option(group: 'Mode' | 'Duration', label: string): Locator {
    return this.page.getByRole('group', { name: group }).getByRole('radio', { name: new RegExp(`^${label}`) });
  }
  /** The words beside an option: its label and, when unavailable, why. */
  optionText(group: 'Mode' | 'Duration', label: string): Locator {
    const radio = this.page.getByRole('radio', { name: new RegExp(`^${label}`) });
    return this.page.getByRole('group', { name: group }).locator('label').filter({ has: radio });
  }

  get cameraMovement(): Locator {
    return this.page.getByRole('combobox', { name: 'Camera movement' });
  }
  get cameraAxes(): Locator {
    return this.page.getByRole('radiogroup', { name: 'Camera axis' });
  }
  cameraAxis(axis: string): Locator {
    return this.cameraAxes.getByRole('radio', { name: new RegExp(`^${axis}\\b`) });
  }
  get cameraAmount(): Locator {
    return this.page.getByRole('slider', { name: 'Camera amount' });
  }
  /** The line that says the model, mode or duration cannot do what the request uses, with the nearest that can. */
  get featureFit(): Locator {
    return this.page.getByRole('status').filter({ hasText: /can’t use/ });
  }
  get nearestCombination(): Locator {
    return this.featureFit.getByRole('button', { name: /^Use / });
  }
  /** The refusal shown when Generate was pressed on a request main would not send. */
  get notSent(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'Not sent' });
  }

  /** "Checks before sending": one button a problem, named by its severity and message ("Error: …", "Warning: …"). */
  get checklist(): Locator {
    return this.page.getByRole('list', { name: 'Checks before sending' });
  }
  check(severity: 'Error' | 'Warning', text: string | RegExp): Locator {
    const message = typeof text === 'string' ? text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : text.source;
    return this.checklist.getByRole('button', { name: new RegExp(`^${severity}: .*${message}`) });
  }
  /** The words under Generate naming the first error while it is off. */
  get generateHint(): Locator {
    return this.page.getByText(/^Fix first:/);
  }

  /** Which of end frame, motion brush and camera control the request uses; each radio says what it keeps. */
  get requestUses(): Locator {
    return this.page.getByRole('radiogroup', { name: 'Request uses' });
  }
  feature(label: 'End frame' | 'Motion brush' | 'Camera control'): Locator {
    return this.requestUses.getByRole('radio', { name: label, exact: true });
  }
  /** The words beside a feature's radio: "Sent: …", "Kept, not sent: …". */
  featureState(label: 'End frame' | 'Motion brush' | 'Camera control'): Locator {
    return this.requestUses.locator('label').filter({ has: this.page.getByRole('radio', { name: label, exact: true }) });
  }
  /** Under Camera movement, while its settings are kept but another feature is sent. */
  get cameraKept(): Locator {
    return this.page.getByRole('note').filter({ hasText: /^Kept, not sent/ });
  }
  /** The question asked before a switch leaves work behind ("Use camera control instead?"). */
  get switchDialog(): Locator {
    return this.page.getByRole('alertdialog', { name: /instead\?$/ });
  }
  async answerSwitch(answer: 'yes' | 'cancel'): Promise<void> {
    const dialog = this.switchDialog;
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: answer === 'yes' ? /^Use / : 'Cancel' }).click();
    await expect(dialog).toBeHidden();
  }

  /** What the same kind of task cost the last time in this library, or that no price is known yet. */
  get cost(): Locator {
    return this.page.getByRole('status', { name: 'Cost' });
  }

  get variations(): Locator {
    return this.page.getByRole('spinbutton', { name: 'Variations' });
  }
  get sound(): Locator {
    return this.page.getByRole('switch', { name: 'Sound' });
  }
  voice(n: number): Locator {
    return this.page.getByRole('textbox', { name: `Voice ${n} id` });
  }
  get voiceBoxes(): Locator {
    return this.page.getByRole('textbox', { name: /^Voice \d+ id$/ });
  }
  insertVoice(n: number): Locator {
    return this.page.getByRole('button', { name: `Insert <<<voice_${n}>>>` });
  }

  async chooseCamera(label: string): Promise<void> {
    await this.cameraMovement.selectOption({ label });
    await expect(this.cameraMovement.locator('option:checked')).toHaveText(label);
  }

  /** Moves the amount slider with the keyboard (0.5 a press). */
  async setCameraAmount(value: number): Promise<void> {
    await this.cameraAmount.focus();
    const current = Number(await this.cameraAmount.inputValue());
    const steps = Math.round((value - current) / 0.5);
    for (let i = 0; i < Math.abs(steps); i++) await this.page.keyboard.press(steps > 0 ? 'ArrowRight' : 'ArrowLeft');
    await expect(this.cameraAmount).toHaveValue(String(value));
  }

  async chooseModel(model: string): Promise<void> {
    await this.model.selectOption(model);
    await expect(this.model).toHaveValue(model);
  }

  /** Moves the CFG slider with the keyboard, a step (0.05) a press, as a person would fine-tune it. */
  async setCfgScale(value: number): Promise<void> {
    await this.cfgScale.focus();
    const current = Number(await this.cfgScale.inputValue());
    const steps = Math.round((value - current) / 0.05);
    for (let i = 0; i < Math.abs(steps); i++) await this.page.keyboard.press(steps > 0 ? 'ArrowRight' : 'ArrowLeft');
    await expect(this.cfgScale).toHaveValue(String(value));
  }
}
