/** `Accept-Language` values Conekta documents; anything else falls back to the default, `es`. */
export type Language = "es" | "en";

/** One text in both languages. Conekta localises `message`; `debug_message` stays in English. */
export type Message = Record<Language, string>;

export function languageOf(header: string | undefined): Language {
  // Browsers send e.g. `en-US,en;q=0.9`: the first tag decides.
  const first = header?.split(",")[0]?.trim().toLowerCase() ?? "";
  return first === "en" || first.startsWith("en-") ? "en" : "es";
}

// The English texts of the spec's examples are used verbatim; the Spanish `Acceso no autorizado.`
// and `El parametro "x" no está permitido` come from the spec too, the rest are ours.
export const messages = {
  missingKey: {
    en: "Please include your access key in your request.",
    es: "Acceso no autorizado.",
  },
  invalidKey: {
    en: "The access key you provided is not valid.",
    es: "La llave de acceso proporcionada no es válida.",
  },
  notFound: {
    en: "The resource was not found.",
    es: "El recurso no ha sido encontrado.",
  },
  runtimeError: {
    en: "There was a runtime error and Conekta engineers have been notified.",
    es: "Hubo un error en tiempo de ejecución y los ingenieros de Conekta han sido notificados.",
  },
  tooManyRequests: {
    en: "Too many requests. Please try again later.",
    es: "Demasiadas solicitudes. Por favor intenta más tarde.",
  },
  forbidden: {
    en: "Unauthorized access service, please contact support team",
    es: "Acceso no autorizado al servicio, por favor contacta al equipo de soporte",
  },
  preconditionRequired: {
    en: "The request cannot be processed in the current state of the resource.",
    es: "La solicitud no puede procesarse en el estado actual del recurso.",
  },
  malformedJson: {
    en: "The request body is not valid JSON.",
    es: "El cuerpo de la solicitud no es un JSON válido.",
  },
  bodyNotAllowed: {
    en: "This request does not accept a body.",
    es: "Esta solicitud no acepta un cuerpo.",
  },
  webhookLimit: {
    en: "You have reached the limit of 10 webhooks for this environment.",
    es: "Has alcanzado el límite de 10 webhooks para este ambiente.",
  },
  cursorsCombined: {
    en: 'The parameters "next" and "previous" cannot be used together.',
    es: 'Los parámetros "next" y "previous" no pueden usarse juntos.',
  },
  urlLoopback: {
    en: "The url cannot point to localhost or 127.0.0.1.",
    es: "La url no puede apuntar a localhost ni a 127.0.0.1.",
  },
  urlInvalid: {
    en: "The url is not valid; it must be an absolute http or https URL.",
    es: "La url no es válida; debe ser una URL absoluta http o https.",
  },
  limitInvalid: {
    en: 'The parameter "limit" must be an integer between 1 and 250.',
    es: 'El parámetro "limit" debe ser un número entero entre 1 y 250.',
  },
  paramNotAllowed: (param: string): Message => ({
    en: `The "${param}" parameter is not allowed`,
    es: `El parametro "${param}" no está permitido`,
  }),
  paramMissing: (param: string): Message => ({
    en: `The parameter "${param}" is required.`,
    es: `El parámetro "${param}" es requerido.`,
  }),
  paramType: (param: string, expected: string): Message => ({
    en: `The parameter "${param}" must be of type ${expected}.`,
    es: `El parámetro "${param}" debe ser de tipo ${expected}.`,
  }),
  cursorInvalid: (param: string): Message => ({
    en: `The parameter "${param}" must be the id of an item of the list.`,
    es: `El parámetro "${param}" debe ser el id de un elemento de la lista.`,
  }),
  eventUnknown: (name: string): Message => ({
    en: `The event "${name}" does not exist.`,
    es: `El evento "${name}" no existe.`,
  }),
  genericError: (status: number): Message => ({
    en: `The request failed with status ${status}.`,
    es: `La solicitud falló con el estado ${status}.`,
  }),
} as const;
