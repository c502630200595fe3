namespace Omnichannel.Bots;

/// <summary>
/// The built-in words and phrases for "I want a person" in en, es, fr, de, pt, it, nl (accents optional: everything
/// is folded before matching). English starts from <see cref="InterruptionWords.Default"/>'s agent phrases.
/// </summary>
internal static class PersonRequestPhrases
{
    /// <summary>Words that ask for a person only as (nearly) the whole message: "agent", "un humano", "Mitarbeiter bitte".</summary>
    public static readonly string[] Words =
    [
        "agent", "agents", "human", "humans", "person", "representative", "rep", "operator", "supervisor", "manager",
        "humano", "agente", "operador", "asesor", "asesora", "persona", "representante", "ejecutivo",
        "humain", "conseiller", "conseillère", "opérateur", "opératrice",
        "mensch", "menschen", "mitarbeiter", "mitarbeiterin", "berater", "beraterin", "kundenberater", "servicemitarbeiter",
        "atendente", "pessoa",
        "operatore", "umano", "consulente",
        "medewerker", "mens", "persoon", "klantenservice",
    ];

    /// <summary>
    /// Words that may surround one of <see cref="Words"/> in a message that is still just a request for a person
    /// ("I want an agent please", "quiero un humano", "ich möchte einen Mitarbeiter bitte").
    /// </summary>
    public static readonly string[] Fillers =
    [
        "please", "pls", "plz", "now", "a", "an", "the", "i", "want", "need", "would", "like", "to", "talk", "speak",
        "chat", "with", "me", "get", "give", "can", "could", "may", "connect", "transfer", "let", "just", "real", "live",
        "actual", "hey", "hi", "hello", "ok", "okay", "yes", "thanks", "thank", "you", "asap", "immediately", "from", "your",
        "quiero", "necesito", "por", "favor", "un", "una", "con", "hablar", "ahora", "ya", "puedo", "puede", "pasar",
        "pasame", "comunicar", "comunicarme", "deseo", "el", "la", "hola", "si", "gracias", "real",
        "je", "veux", "voudrais", "une", "avec", "parler", "s", "il", "vous", "plait", "svp", "maintenant", "au", "le",
        "merci", "bonjour", "vrai", "oui",
        "ich", "will", "mochte", "moechte", "bitte", "einen", "eine", "einem", "mit", "sprechen", "reden", "jetzt", "den",
        "der", "die", "gerne", "kann", "hallo", "ja", "echten", "echter",
        "quero", "preciso", "um", "com", "falar", "agora", "o", "posso", "ola", "sim", "obrigado", "obrigada",
        "voglio", "vorrei", "per", "uno", "parlare", "ora", "subito", "ciao", "grazie",
        "ik", "wil", "graag", "een", "met", "spreken", "praten", "nu", "alsjeblieft", "alstublieft", "aub", "de", "het",
        "hoi", "dank", "echte",
    ];

    /// <summary>Words that, in the three words before a phrase, mean the customer does not want a person ("I don't want to talk to a human").</summary>
    public static readonly string[] Negators =
    [
        "not", "no", "never", "dont", "nao", "nicht", "kein", "keinen", "keine", "pas", "non", "niet", "geen",
        "nunca", "jamais", "nie", "niemals", "nem", "without", "sin", "sans", "ohne", "sem", "senza", "zonder",
    ];

    /// <summary>Phrases that count anywhere in a message (two or more words each), besides the English interruption phrases.</summary>
    public static IEnumerable<string> Phrases()
    {
        string[] englishTargets =
        [
            "a person", "someone", "somebody", "a human", "an agent", "a representative", "a rep", "a real person",
            "a live agent", "a live person", "a real human", "a human being", "an actual person", "an actual human",
            "a manager", "the manager", "your manager", "a supervisor", "an operator", "customer service", "customer support",
            "a customer service agent", "a support agent", "a human agent", "a real agent", "someone real", "a staff member",
        ];
        foreach (var verb in new[] { "talk", "speak", "chat", "talking", "speaking", "chatting" })
        {
            foreach (var preposition in new[] { "to", "with" })
            {
                foreach (var target in englishTargets)
                {
                    yield return $"{verb} {preposition} {target}";
                }

                yield return $"{verb} {preposition} agent";
                yield return $"{verb} {preposition} an assistant";
            }
        }

        foreach (var verb in new[] { "contact", "contacting", "reach", "reaching" })
        {
            foreach (var target in new[] { "a person", "someone", "somebody", "a human", "an agent", "a representative", "a real person", "a live agent", "an assistant", "an operator", "a supervisor", "a manager" })
            {
                yield return $"{verb} {target}";
            }
        }

        foreach (var verb in new[] { "connect me to", "connect me with", "transfer me to", "put me through to", "get me" })
        {
            foreach (var target in new[] { "a person", "someone", "a human", "an agent", "a representative", "a real person", "a live agent", "a manager", "a supervisor" })
            {
                yield return $"{verb} {target}";
            }
        }

        foreach (var phrase in new[]
        {
            "human being", "real agent", "actual person", "actual human", "live person", "live human", "want a human",
            "need a human", "want an agent", "need an agent", "want a person", "need a person", "want a real person",
            "need a real person", "want a representative", "need a representative",
        })
        {
            yield return phrase;
        }

        foreach (var verb in new[] { "hablar", "comunicarme", "comunicar", "platicar", "chatear", "conversar", "pasame", "paseme", "pasarme", "comunicame" })
        {
            foreach (var target in new[] { "un humano", "una persona", "alguien", "un agente", "un asesor", "una asesora", "un operador", "un representante", "una persona real", "un ser humano", "un ejecutivo", "un agente humano" })
            {
                yield return $"{verb} con {target}";
            }
        }

        foreach (var phrase in new[] { "un humano", "persona real", "ser humano", "agente humano", "agente real", "quiero un agente", "quiero un asesor", "necesito un agente" })
        {
            yield return phrase;
        }

        foreach (var verb in new[] { "parler", "discuter", "etre mis en relation", "me mettre en relation", "mettez moi en relation", "me passer", "passez moi" })
        {
            foreach (var preposition in new[] { "a", "avec" })
            {
                foreach (var target in new[] { "un humain", "une personne", "quelqu un", "un conseiller", "une conseillere", "un agent", "un operateur", "une operatrice", "une vraie personne", "un vrai humain", "un etre humain", "le service client", "un vrai conseiller" })
                {
                    yield return $"{verb} {preposition} {target}";
                }
            }
        }

        foreach (var phrase in new[] { "un vrai humain", "une vraie personne", "un etre humain", "veux un conseiller", "veux un humain", "voudrais un conseiller" })
        {
            yield return phrase;
        }

        foreach (var target in new[] { "einem mitarbeiter", "einer mitarbeiterin", "einem menschen", "einer person", "jemandem", "einem berater", "einer beraterin", "einem echten menschen", "dem kundendienst", "dem kundenservice", "einem kundenberater", "einem servicemitarbeiter" })
        {
            foreach (var verb in new[] { "sprechen", "reden", "verbinden", "chatten", "telefonieren" })
            {
                yield return $"mit {target} {verb}";
            }

            yield return $"mich mit {target}";
        }

        foreach (var phrase in new[] { "echter mensch", "echten menschen", "einen mitarbeiter sprechen", "einen menschen sprechen", "einen berater sprechen", "menschlichen mitarbeiter", "will einen mitarbeiter", "mochte einen mitarbeiter" })
        {
            yield return phrase;
        }

        foreach (var verb in new[] { "falar", "conversar", "me passa", "me transfere", "me transferir" })
        {
            foreach (var target in new[] { "um atendente", "uma atendente", "atendente", "uma pessoa", "alguem", "um humano", "um agente", "um operador", "um ser humano", "uma pessoa real", "um atendente humano", "o suporte" })
            {
                yield return $"{verb} com {target}";
                yield return $"{verb} para {target}";
            }
        }

        foreach (var phrase in new[] { "atendimento humano", "atendente humano", "pessoa real", "ser humano", "um humano", "quero um atendente", "preciso de um atendente" })
        {
            yield return phrase;
        }

        foreach (var verb in new[] { "parlare", "chattare", "passarmi", "passami", "mettermi in contatto" })
        {
            foreach (var target in new[] { "un operatore", "una persona", "qualcuno", "un umano", "un essere umano", "un agente", "un consulente", "una persona reale", "l assistenza", "un operatore umano" })
            {
                yield return $"{verb} con {target}";
            }
        }

        foreach (var phrase in new[] { "essere umano", "persona reale", "operatore umano", "voglio un operatore", "vorrei un operatore" })
        {
            yield return phrase;
        }

        foreach (var target in new[] { "een medewerker", "een mens", "iemand", "een echte persoon", "een persoon", "een echt persoon", "de klantenservice", "een menselijke medewerker" })
        {
            foreach (var verb in new[] { "spreken", "praten", "chatten", "bellen" })
            {
                yield return $"met {target} {verb}";
                yield return $"{verb} met {target}";
            }

            yield return $"{target} spreken";
        }

        foreach (var phrase in new[] { "echte persoon", "echt persoon", "echte mens", "menselijke medewerker", "wil een medewerker" })
        {
            yield return phrase;
        }
    }
}
