/**
 * Checks Slack Block Kit messages against the documented limits we can realistically hit.
 *
 * Why: Slack answers `invalid_blocks` for any violation and tells us little about
 * which one; catching them in unit tests with a precise path is far cheaper.
 * Limits: https://api.slack.com/reference/block-kit/blocks and /block-elements.
 */

/** A chat message as passed to chat.postMessage / respond(). */
export interface BlockKitMessage {
  blocks: unknown[];
  text?: string;
}

const KNOWN_BLOCK_TYPES = new Set(['section', 'header', 'context', 'actions', 'divider', 'image', 'rich_text', 'input']);
const MAX_BLOCKS = 50;
const MAX_ID = 255;

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Collects problems while walking one message; ids are tracked for uniqueness. */
class Checker {
  readonly problems: string[] = [];
  private readonly actionIds = new Map<string, string>();
  private readonly blockIds = new Map<string, string>();

  add(path: string, msg: string): void {
    this.problems.push(`${path}: ${msg}`);
  }

  maxLen(path: string, value: unknown, max: number, what: string): void {
    if (typeof value === 'string' && value.length > max) this.add(path, `${what} is ${value.length} chars (max ${max})`);
  }

  /** Validates a text object: type, non-empty text, length (and plain_text only when asked). */
  textObject(path: string, value: unknown, max: number, onlyPlain = false): void {
    if (!isObj(value)) {
      this.add(path, 'text object missing or not an object');
      return;
    }
    const type = value['type'];
    if (type !== 'plain_text' && type !== 'mrkdwn') this.add(path, `text object type must be plain_text or mrkdwn, got ${String(type)}`);
    else if (onlyPlain && type !== 'plain_text') this.add(path, 'must be a plain_text text object');
    const text = value['text'];
    if (typeof text !== 'string' || text.trim() === '') this.add(path, 'text object has empty or missing text');
    this.maxLen(path, text, max, 'text');
  }

  uniqueId(kind: 'action_id' | 'block_id', path: string, value: unknown): void {
    if (value === undefined) return;
    if (typeof value !== 'string' || value === '') {
      this.add(path, `${kind} must be a non-empty string`);
      return;
    }
    this.maxLen(path, value, MAX_ID, kind);
    const seen = kind === 'action_id' ? this.actionIds : this.blockIds;
    const first = seen.get(value);
    if (first !== undefined) this.add(path, `duplicate ${kind} "${value}" (first at ${first})`);
    else seen.set(value, path);
  }

  /** Interactive element inside actions/section accessory/input. */
  element(path: string, el: unknown): void {
    if (!isObj(el)) {
      this.add(path, 'element is not an object');
      return;
    }
    this.uniqueId('action_id', `${path}.action_id`, el['action_id']);
    if (el['type'] === 'button') {
      this.textObject(`${path}.text`, el['text'], 75, true);
      this.maxLen(`${path}.value`, el['value'], 2000, 'button value');
      this.maxLen(`${path}.url`, el['url'], 3000, 'button url');
    } else if (el['type'] === 'image') {
      this.maxLen(`${path}.image_url`, el['image_url'], 3000, 'image_url');
    }
  }

  block(path: string, block: unknown): void {
    if (!isObj(block)) {
      this.add(path, 'block is not an object');
      return;
    }
    const type = block['type'];
    if (typeof type !== 'string' || !KNOWN_BLOCK_TYPES.has(type)) {
      this.add(path, `unknown block type ${JSON.stringify(type)}`);
      return;
    }
    this.uniqueId('block_id', `${path}.block_id`, block['block_id']);
    switch (type) {
      case 'section': {
        const fields = block['fields'];
        if (block['text'] === undefined && fields === undefined) this.add(path, 'section needs text or fields');
        if (block['text'] !== undefined) this.textObject(`${path}.text`, block['text'], 3000);
        if (fields !== undefined) {
          if (!Array.isArray(fields)) this.add(`${path}.fields`, 'fields must be an array');
          else {
            if (fields.length > 10) this.add(`${path}.fields`, `${fields.length} fields (max 10)`);
            fields.forEach((f, i) => this.textObject(`${path}.fields[${i}]`, f, 2000));
          }
        }
        if (block['accessory'] !== undefined) this.element(`${path}.accessory`, block['accessory']);
        break;
      }
      case 'header':
        this.textObject(`${path}.text`, block['text'], 150, true);
        break;
      case 'context':
      case 'actions': {
        const els = block['elements'];
        const max = type === 'context' ? 10 : 25;
        if (!Array.isArray(els) || els.length === 0) {
          this.add(`${path}.elements`, `${type} block needs a non-empty elements array`);
          break;
        }
        if (els.length > max) this.add(`${path}.elements`, `${els.length} elements (max ${max})`);
        els.forEach((el, i) => {
          const p = `${path}.elements[${i}]`;
          if (type === 'actions') this.element(p, el);
          else if (isObj(el) && el['type'] === 'image') this.maxLen(`${p}.image_url`, el['image_url'], 3000, 'image_url');
          else this.textObject(p, el, 3000);
        });
        break;
      }
      case 'image':
        if (typeof block['alt_text'] !== 'string' || block['alt_text'] === '') this.add(path, 'image needs alt_text');
        this.maxLen(`${path}.alt_text`, block['alt_text'], 2000, 'alt_text');
        this.maxLen(`${path}.image_url`, block['image_url'], 3000, 'image_url');
        break;
      case 'input':
        this.textObject(`${path}.label`, block['label'], 2000, true);
        this.element(`${path}.element`, block['element']);
        break;
      case 'rich_text':
        if (!Array.isArray(block['elements'])) this.add(`${path}.elements`, 'rich_text needs an elements array');
        break;
      default: // divider: nothing to check
    }
  }
}

/**
 * Returns the Block Kit problems in `message` (empty array = OK), each prefixed with a
 * path such as `blocks[3].elements[0].text`. Also requires a non-empty top-level `text`,
 * which Slack uses for notifications and screen readers.
 */
export function checkBlockKit(message: BlockKitMessage): string[] {
  const c = new Checker();
  if (typeof message.text !== 'string' || message.text.trim() === '') {
    c.add('text', 'missing top-level text fallback (used for notifications)');
  }
  if (!Array.isArray(message.blocks)) {
    c.add('blocks', 'blocks must be an array');
    return c.problems;
  }
  if (message.blocks.length > MAX_BLOCKS) c.add('blocks', `${message.blocks.length} blocks (max ${MAX_BLOCKS})`);
  message.blocks.forEach((b, i) => c.block(`blocks[${i}]`, b));
  return c.problems;
}

/** Throws an Error listing every problem found by {@link checkBlockKit}. */
export function assertBlockKit(message: BlockKitMessage): void {
  const problems = checkBlockKit(message);
  if (problems.length > 0) {
    throw new Error(`Invalid Block Kit message (${problems.length} problem(s)):\n- ${problems.join('\n- ')}`);
  }
}
