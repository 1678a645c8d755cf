// discord-api-spec points its "./zod" types at a .js file, which TS cannot type
// without allowJs; declare only the surface the fake uses.
declare module 'discord-api-spec/zod' {
  interface SpecIssue {
    code: string;
    path: PropertyKey[];
    message: string;
    [detail: string]: unknown;
  }
  type SpecResult = { success: true; data: unknown } | { success: false; error: { issues: SpecIssue[] } };
  interface SpecSchema {
    safeParse(data: unknown): SpecResult;
  }
  export const CreateMessageInteractionCallbackRequestSchema: SpecSchema;
  export const UpdateMessageInteractionCallbackRequestSchema: SpecSchema;
  export const ApplicationCommandAutocompleteCallbackRequestSchema: SpecSchema;
  export const ModalInteractionCallbackRequestSchema: SpecSchema;
  export const LaunchActivityInteractionCallbackRequestSchema: SpecSchema;
  export const IncomingWebhookRequestPartialSchema: SpecSchema;
  export const IncomingWebhookUpdateRequestPartialSchema: SpecSchema;
  export const ApplicationCommandUpdateRequestSchema: SpecSchema;
  export const ApplicationCommandCreateRequestSchema: SpecSchema;
  export const MessageCreateRequestSchema: SpecSchema;
  export const UpdateThreadRequestPartialSchema: SpecSchema;
  export const UpdateGuildChannelRequestPartialSchema: SpecSchema;
}
