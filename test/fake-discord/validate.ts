import * as spec from 'discord-api-spec/zod';

type Path = (string | number)[];
export interface FieldError {
  path: Path;
  code: string;
  message: string;
}
type Issue = { code: string; path: PropertyKey[]; [k: string]: unknown };
type Obj = Record<string, unknown>;
type Schema = { safeParse(d: unknown): { success: true } | { success: false; error: { issues: Issue[] } } };

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const len = (v: unknown): number => (typeof v === 'string' ? v.length : 0);

function valueAt(data: unknown, path: PropertyKey[]): unknown {
  let cur = data;
  for (const key of path) cur = isObj(cur) || Array.isArray(cur) ? (cur as Obj)[key as string] : undefined;
  return cur;
}

/** Zod's raw issues are unreadable for unions; reduce them to Discord's field-level error codes. */
function flatten(issue: Issue, prefix: Path, data: unknown, out: FieldError[]): void {
  const path = [...prefix, ...(issue.path as Path)];
  const max = issue.maximum as number | undefined;
  const min = issue.minimum as number | undefined;
  switch (issue.code) {
    case 'invalid_union': {
      // A branch whose errors do not involve the `type` discriminator is the one the caller meant.
      const branches = (issue.errors as Issue[][] | undefined) ?? [];
      const meant = branches.find((b) => !b.some((i) => i.code === 'invalid_value' && i.path.length === 1 && i.path[0] === 'type'));
      if (meant) for (const i of meant) flatten(i, path, data, out);
      else out.push({ path, code: 'UNION_TYPE_CHOICES', message: 'Value of field "type" must be one of the known types.' });
      return;
    }
    case 'too_big':
      out.push(issue.origin === 'number'
        ? { path, code: 'NUMBER_TYPE_MAX', message: `int value should be less than or equal to ${max}.` }
        : { path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
      return;
    case 'too_small':
      out.push(issue.origin === 'number'
        ? { path, code: 'NUMBER_TYPE_MIN', message: `int value should be greater than or equal to ${min}.` }
        : { path, code: 'BASE_TYPE_MIN_LENGTH', message: `Must be ${min} or more in length.` });
      return;
    case 'invalid_type':
      out.push(valueAt(data, path) === undefined
        ? { path, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }
        : { path, code: 'BASE_TYPE_BAD_TYPE', message: `Expected ${String(issue.expected)}.` });
      return;
    case 'invalid_value':
      out.push({ path, code: 'BASE_TYPE_CHOICES', message: `Value must be one of ${JSON.stringify(issue.values)}.` });
      return;
    case 'invalid_format':
      out.push({ path, code: issue.format === 'url' ? 'URL_TYPE_INVALID_URL' : 'BASE_TYPE_BAD_FORMAT', message: `Not a well formed ${String(issue.format)}.` });
      return;
    default:
      out.push({ path, code: 'BASE_TYPE_INVALID', message: `Invalid value (${issue.code}).` });
  }
}

function check(schema: Schema, data: unknown, prefix: Path, out: FieldError[]): void {
  const r = schema.safeParse(data);
  // flatten() resolves absolute paths, so re-root the data under the prefix.
  const rooted = prefix.reduceRight<unknown>((acc, k) => ({ [k]: acc }), data);
  if (!r.success) for (const i of r.error.issues) flatten(i, prefix, rooted, out);
}

/** Validates a whole request body against one of the spec's schemas. */
export function specCheck(schema: Schema, data: unknown, out: FieldError[]): void {
  check(schema, data, [], out);
}

/** Discord's `{errors: {field: {_errors: [...]}}}` tree, keyed by path segments. */
export function errorTree(errors: FieldError[]): Obj {
  const root: Obj = {};
  for (const e of errors) {
    let node = root;
    for (const key of e.path) node = (node[String(key)] ??= {}) as Obj;
    const list = (node._errors ??= []) as { code: string; message: string }[];
    // Our own limit checks overlap with the spec's; report each problem once.
    if (!list.some((x) => x.code === e.code)) list.push({ code: e.code, message: e.message });
  }
  return root;
}

// --- limits Discord enforces that the spec leaves out or types loosely ---

function embedChecks(embeds: unknown[], p: Path, out: FieldError[]): void {
  let total = 0;
  embeds.forEach((e, i) => {
    if (!isObj(e)) return;
    const fields = arr(e.fields);
    const footer = isObj(e.footer) ? e.footer : {};
    const author = isObj(e.author) ? e.author : {};
    const limits: [unknown, number, Path][] = [
      [e.title, 256, ['title']], [e.description, 4096, ['description']],
      [footer.text, 2048, ['footer', 'text']], [author.name, 256, ['author', 'name']],
    ];
    fields.forEach((f, j) => {
      if (!isObj(f)) return;
      limits.push([f.name, 256, ['fields', j, 'name']], [f.value, 1024, ['fields', j, 'value']]);
      total += len(f.name) + len(f.value);
    });
    for (const [v, max, sub] of limits)
      if (len(v) > max) out.push({ path: [...p, i, ...sub], code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
    if (fields.length > 25) out.push({ path: [...p, i, 'fields'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
    total += len(e.title) + len(e.description) + len(footer.text) + len(author.name);
  });
  if (total > 6000) out.push({ path: p, code: 'MAX_EMBED_SIZE_EXCEEDED', message: 'Embed size exceeds maximum size of 6000' });
}

const COMPONENTS_V2 = 1 << 15;

function componentChecks(components: unknown[], flags: unknown, p: Path, out: FieldError[]): void {
  const v2 = typeof flags === 'number' && (flags & COMPONENTS_V2) !== 0;
  if (!v2 && components.length > 5) out.push({ path: p, code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 5 or fewer in length.' });
  const seen = new Set<string>();
  const visit = (c: unknown, path: Path): void => {
    if (!isObj(c)) return;
    if (typeof c.custom_id === 'string') {
      if (seen.has(c.custom_id)) out.push({ path: [...path, 'custom_id'], code: 'COMPONENT_CUSTOM_ID_DUPLICATED', message: 'Component custom id cannot be duplicated' });
      seen.add(c.custom_id);
    }
    if (c.type === 1 && arr(c.components).length > 5) out.push({ path: [...path, 'components'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 5 or fewer in length.' });
    // A select menu fills its action row: nothing may sit beside it.
    if (c.type === 1 && arr(c.components).some((x) => isObj(x) && [3, 5, 6, 7, 8].includes(x.type as number)) && arr(c.components).length > 1)
      out.push({ path: [...path, 'components'], code: 'COMPONENT_LAYOUT_WIDTH_EXCEEDED', message: 'The specified component exceeds the maximum width' });
    if (c.type === 3) {
      const values = arr(c.options).map((o) => (isObj(o) ? o.value : undefined));
      if (new Set(values).size !== values.length) out.push({ path: [...path, 'options'], code: 'SELECT_COMPONENT_OPTION_VALUE_DUPLICATED', message: 'Select component option values cannot be duplicated' });
      if (typeof c.max_values === 'number' && c.max_values > values.length) out.push({ path: [...path, 'max_values'], code: 'BASE_TYPE_MAX', message: `Must be less than or equal to ${values.length}.` });
    }
    if (c.type === 2) {
      const link = c.style === 5;
      if (link && (typeof c.url !== 'string' || c.custom_id != null)) out.push({ path, code: 'BUTTON_COMPONENT_INVALID_LINK', message: 'Link buttons need a url and cannot have a custom_id' });
      if (!link && c.style !== 6 && (typeof c.custom_id !== 'string' || c.url != null)) out.push({ path, code: 'BUTTON_COMPONENT_CUSTOM_ID_REQUIRED', message: 'A custom id is required (and url is not allowed)' });
      if (len(c.label) > 80) out.push({ path: [...path, 'label'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 80 or fewer in length.' });
    }
    arr(c.components).forEach((child, i) => visit(child, [...path, 'components', i]));
    if (isObj(c.accessory)) visit(c.accessory, [...path, 'accessory']);
  };
  components.forEach((c, i) => {
    if (!v2 && isObj(c) && c.type !== 1) out.push({ path: [...p, i, 'type'], code: 'COMPONENT_LAYOUT_INVALID', message: 'Top-level components must be action rows without the IS_COMPONENTS_V2 flag' });
    visit(c, [...p, i]);
  });
}

/**
 * A modal holds at most five components (Discord's documented limit; the spec allows more),
 * each a label around one input or a row with one text input; custom ids unique.
 */
function modalChecks(data: unknown, out: FieldError[]): void {
  if (!isObj(data)) return;
  const components = arr(data.components);
  if (components.length > 5) out.push({ path: ['data', 'components'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 5 or fewer in length.' });
  const seen = new Set<string>();
  components.forEach((c, i) => {
    if (!isObj(c)) return;
    if (c.type === 1 && arr(c.components).length !== 1) out.push({ path: ['data', 'components', i, 'components'], code: 'COMPONENT_LAYOUT_WIDTH_EXCEEDED', message: 'The specified component exceeds the maximum width' });
    const inputs = c.type === 18 ? [c.component] : arr(c.components);
    inputs.forEach((input) => {
      if (!isObj(input) || typeof input.custom_id !== 'string') return;
      if (seen.has(input.custom_id)) out.push({ path: ['data', 'components', i], code: 'COMPONENT_CUSTOM_ID_DUPLICATED', message: 'Component custom id cannot be duplicated' });
      seen.add(input.custom_id);
      if (typeof input.value === 'string' && typeof input.max_length === 'number' && input.value.length > input.max_length)
        out.push({ path: ['data', 'components', i], code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${input.max_length} or fewer in length.` });
    });
  });
}

export function messageChecks(msg: unknown, p: Path, out: FieldError[]): void {
  if (!isObj(msg)) return;
  if (len(msg.content) > 2000) out.push({ path: [...p, 'content'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' });
  if (arr(msg.embeds).length > 10) out.push({ path: [...p, 'embeds'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 10 or fewer in length.' });
  embedChecks(arr(msg.embeds), [...p, 'embeds'], out);
  componentChecks(arr(msg.components), msg.flags, [...p, 'components'], out);
}

// Discord's documented command/option name pattern; chat-input names must also be lowercase.
const NAME_RE = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function optionChecks(options: unknown[], p: Path, out: FieldError[]): void {
  if (options.length > 25) out.push({ path: p, code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
  let sawOptional = false;
  const names = new Set<string>();
  options.forEach((o, i) => {
    if (!isObj(o)) return;
    const name = String(o.name ?? '');
    if (!NAME_RE.test(name) || name !== name.toLowerCase()) out.push({ path: [...p, i, 'name'], code: 'APPLICATION_COMMAND_INVALID_NAME', message: 'Command name is invalid' });
    if (names.has(name)) out.push({ path: [...p, i, 'name'], code: 'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS', message: 'Option names must be unique' });
    names.add(name);
    if (o.type !== 1 && o.type !== 2) {
      if (o.required === true && sawOptional) out.push({ path: [...p, i, 'required'], code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', message: 'Required options must be placed before non-required options' });
      if (o.required !== true) sawOptional = true;
    }
    if (arr(o.choices).length > 25) out.push({ path: [...p, i, 'choices'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
    arr(o.choices).forEach((c, j) => {
      if (isObj(c) && typeof c.value === 'string' && c.value.length > 100) out.push({ path: [...p, i, 'choices', j, 'value'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 100 or fewer in length.' });
    });
    optionChecks(arr(o.options), [...p, i, 'options'], out);
  });
}

/** The spec types default_member_permissions as a number, but Discord takes (and discord.js sends) a digit string. */
function specView(cmd: unknown): unknown {
  if (!isObj(cmd) || typeof cmd.default_member_permissions !== 'string' || !/^\d+$/.test(cmd.default_member_permissions)) return cmd;
  return { ...cmd, default_member_permissions: 0 };
}

function commandChecks(cmd: unknown, p: Path, out: FieldError[], create: boolean): void {
  check(create ? spec.ApplicationCommandCreateRequestSchema : spec.ApplicationCommandUpdateRequestSchema, specView(cmd), p, out);
  if (!isObj(cmd)) return;
  const chatInput = cmd.type === undefined || cmd.type === null || cmd.type === 1;
  const name = String(cmd.name ?? '');
  if (chatInput && (!NAME_RE.test(name) || name !== name.toLowerCase())) out.push({ path: [...p, 'name'], code: 'APPLICATION_COMMAND_INVALID_NAME', message: 'Command name is invalid' });
  if (chatInput && (len(cmd.description) < 1 || len(cmd.description) > 100)) out.push({ path: [...p, 'description'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' });
  if (!chatInput && cmd.description) out.push({ path: [...p, 'description'], code: 'APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION', message: 'Context menu commands cannot have a description' });
  optionChecks(arr(cmd.options), [...p, 'options'], out);
}

export function validateCommands(body: unknown): FieldError[] {
  const out: FieldError[] = [];
  if (!Array.isArray(body)) return [{ path: [], code: 'BASE_TYPE_BAD_TYPE', message: 'Must be an array.' }];
  if (body.length > 200) out.push({ path: [], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 200 or fewer in length.' });
  const seen = new Set<string>();
  body.forEach((cmd, i) => {
    commandChecks(cmd, [i], out, false);
    const key = isObj(cmd) ? `${String(cmd.type ?? 1)}:${String(cmd.name)}` : '';
    if (seen.has(key)) out.push({ path: [i, 'name'], code: 'APPLICATION_COMMANDS_DUPLICATE_NAME', message: 'Application command names must be unique' });
    seen.add(key);
  });
  return out;
}

export const validateCommand = (body: unknown): FieldError[] => {
  const out: FieldError[] = [];
  commandChecks(body, [], out, true);
  return out;
};

const CALLBACK_SCHEMAS: Record<number, Schema> = {
  4: spec.CreateMessageInteractionCallbackRequestSchema,
  5: spec.CreateMessageInteractionCallbackRequestSchema,
  6: spec.UpdateMessageInteractionCallbackRequestSchema,
  7: spec.UpdateMessageInteractionCallbackRequestSchema,
  8: spec.ApplicationCommandAutocompleteCallbackRequestSchema,
  9: spec.ModalInteractionCallbackRequestSchema,
  12: spec.LaunchActivityInteractionCallbackRequestSchema,
};

/** interactionType decides which callback types are legal (e.g. 8 only answers autocomplete). */
export function validateCallback(body: unknown, interactionType: number): FieldError[] {
  const out: FieldError[] = [];
  const type = isObj(body) ? body.type : undefined;
  const schema = typeof type === 'number' ? CALLBACK_SCHEMAS[type] : undefined;
  if (!schema) return [{ path: ['type'], code: 'BASE_TYPE_CHOICES', message: `Value must be one of ${JSON.stringify(Object.keys(CALLBACK_SCHEMAS).map(Number))}.` }];
  const allowed: Record<number, number[]> = { 2: [4, 5, 9, 12], 3: [4, 5, 6, 7, 9, 12], 4: [8], 5: [4, 5, 6, 7] };
  if (!allowed[interactionType]?.includes(type as number)) out.push({ path: ['type'], code: 'INTERACTION_RESPONSE_TYPE_INVALID', message: `Callback type ${String(type)} is not valid for interaction type ${interactionType}` });
  check(schema, body, [], out);
  const data = (body as Obj).data;
  if (type === 4 || type === 7) messageChecks(data, ['data'], out);
  if (type === 9) modalChecks(data, out);
  if (type === 8) {
    arr(isObj(data) ? data.choices : undefined).forEach((c, i) => {
      if (isObj(c) && typeof c.value === 'string' && c.value.length > 100) out.push({ path: ['data', 'choices', i, 'value'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 100 or fewer in length.' });
    });
  }
  return out;
}

export function validateWebhookMessage(body: unknown, edit: boolean): FieldError[] {
  const out: FieldError[] = [];
  check(edit ? spec.IncomingWebhookUpdateRequestPartialSchema : spec.IncomingWebhookRequestPartialSchema, body, [], out);
  messageChecks(body, [], out);
  return out;
}

/** Discord rejects creating a message with nothing visible in it (code 50006), separately from form errors. */
export function isEmptyMessage(body: unknown): boolean {
  if (!isObj(body)) return true;
  return !len(body.content) && !arr(body.embeds).length && !arr(body.components).length && !arr(body.attachments).length && !body.poll && !arr(body.sticker_ids).length;
}
