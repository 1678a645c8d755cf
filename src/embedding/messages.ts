/** What the embedding module says when something is wrong, in one place. */
export const EMBEDDING_MESSAGES = Object.freeze({
  missingFile: (path: string) => `the sentence encoder's file ${path} is missing (EMBEDDING_MODEL_DIR points at a folder with model.onnx, tokenizer.json and tokenizer_config.json)`,
  closed: 'the sentence encoder was closed (the thread is ending)',
  badModel: (dir: string) => `${dir}/model.onnx is not a sentence encoder this bot can run (it needs an input_ids input and one embedding output)`,
});
