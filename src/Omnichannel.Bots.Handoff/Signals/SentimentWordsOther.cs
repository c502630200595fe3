namespace Omnichannel.Bots.Handoff.Signals;

/// <summary>Smaller lexicons for Spanish, French, German and Portuguese (same format as <see cref="SentimentWordsEnglish"/>).</summary>
internal static class SentimentWordsOther
{
    public const string SpanishWords = """
        terrible -3.2
        horrible -3.2
        pésimo -3.2
        pesimo -3.2
        fatal -2.8
        malo -2.4
        mala -2.4
        mal -2.0
        peor -2.4
        inútil -2.8
        inutil -2.8
        ridículo -2.6
        ridiculo -2.6
        inaceptable -3.0
        vergüenza -2.8
        verguenza -2.8
        estafa -3.2
        estafadores -3.2
        fraude -3.0
        robo -2.6
        enojado -2.7
        enojada -2.7
        enfadado -2.7
        enfadada -2.7
        furioso -3.2
        furiosa -3.2
        molesto -2.0
        molesta -2.0
        harto -2.6
        harta -2.6
        decepcionado -2.3
        decepcionada -2.3
        decepción -2.3
        triste -1.8
        odio -3.0
        problema -1.3
        queja -1.8
        roto -2.2
        rota -2.2
        dañado -2.2
        defectuoso -2.4
        tarde -1.0
        retraso -1.5
        sigo esperando -2.0
        todavía espero -2.0
        nunca llegó -2.6
        nunca llego -2.6
        no llegó -2.0
        no llego -2.0
        no funciona -2.0
        no sirve -2.4
        desastre -3.0
        nadie responde -2.2
        bueno 1.9
        buena 1.9
        bien 1.4
        genial 3.0
        excelente 3.2
        perfecto 3.0
        perfecta 3.0
        maravilloso 3.1
        increíble 2.6
        rápido 1.4
        fácil 1.6
        contento 2.4
        contenta 2.4
        feliz 2.6
        encantado 2.8
        gracias 1.8
        muchas gracias 2.4
        amable 2.0
        útil 2.0
        resuelto 1.8
        solucionado 1.8
        """;

    public const string SpanishNegators = "no nunca jamás jamas ni tampoco nada nadie ningún ninguno ninguna sin";

    public const string SpanishBoosters = "muy 0.3 tan 0.3 super 0.3 súper 0.3 totalmente 0.3 realmente 0.3 demasiado 0.3 extremadamente 0.4 completamente 0.3 bastante 0.1 algo -0.3 poco -0.3";

    public const string FrenchWords = """
        terrible -3.0
        horrible -3.2
        nul -2.8
        nulle -2.8
        mauvais -2.4
        mauvaise -2.4
        mal -2.0
        pire -2.6
        inutile -2.8
        ridicule -2.6
        inacceptable -3.0
        honteux -2.8
        honte -2.6
        arnaque -3.2
        escroquerie -3.2
        escrocs -3.2
        fraude -3.0
        colère -2.7
        colere -2.7
        furieux -3.2
        furieuse -3.2
        énervé -2.4
        enerve -2.4
        agacé -2.0
        marre -2.6
        déçu -2.3
        decu -2.3
        déçue -2.3
        déception -2.3
        triste -1.8
        déteste -3.0
        problème -1.3
        probleme -1.3
        plainte -1.8
        cassé -2.2
        casse -2.2
        endommagé -2.2
        défectueux -2.4
        retard -1.5
        toujours pas -1.8
        j'attends toujours -2.0
        jamais arrivé -2.6
        jamais reçu -2.6
        ne marche pas -2.0
        ne fonctionne pas -2.0
        catastrophe -3.0
        bon 1.9
        bonne 1.9
        bien 1.4
        super 2.6
        génial 3.0
        genial 3.0
        excellent 3.2
        parfait 3.0
        parfaite 3.0
        merveilleux 3.1
        rapide 1.4
        facile 1.6
        content 2.4
        contente 2.4
        heureux 2.6
        ravi 2.8
        ravie 2.8
        merci 1.8
        merci beaucoup 2.4
        aimable 2.0
        utile 2.0
        résolu 1.8
        """;

    public const string FrenchNegators = "ne n pas jamais rien personne aucun aucune sans ni";

    public const string FrenchBoosters = "très 0.3 tres 0.3 tellement 0.3 vraiment 0.3 trop 0.3 extrêmement 0.4 totalement 0.3 complètement 0.3 si 0.2 assez 0.1 peu -0.3";

    public const string GermanWords = """
        schrecklich -3.2
        furchtbar -3.2
        katastrophal -3.2
        katastrophe -3.0
        schlecht -2.4
        schlechter -2.4
        schlechteste -3.2
        mies -2.6
        nutzlos -2.8
        lächerlich -2.6
        unverschämt -3.0
        unverschaemt -3.0
        inakzeptabel -3.0
        frechheit -3.0
        betrug -3.2
        betrüger -3.2
        abzocke -3.2
        wütend -3.0
        wuetend -3.0
        sauer -2.4
        verärgert -2.4
        genervt -2.2
        ärgerlich -2.0
        enttäuscht -2.3
        enttaeuscht -2.3
        enttäuschung -2.3
        traurig -1.8
        hasse -3.0
        problem -1.3
        beschwerde -1.8
        kaputt -2.2
        beschädigt -2.2
        defekt -2.4
        verspätet -1.5
        verspätung -1.5
        warte immer noch -2.0
        nie angekommen -2.6
        nicht angekommen -2.0
        nie erhalten -2.6
        funktioniert nicht -2.0
        geht nicht -1.8
        gut 1.9
        super 2.6
        toll 2.8
        prima 2.6
        klasse 2.6
        ausgezeichnet 3.2
        perfekt 3.0
        wunderbar 3.1
        schnell 1.4
        einfach 0.8
        zufrieden 2.2
        glücklich 2.6
        froh 2.2
        danke 1.8
        vielen dank 2.4
        dankeschön 2.2
        freundlich 2.0
        hilfreich 2.2
        gelöst 1.8
        """;

    public const string GermanNegators = "nicht kein keine keinen keinem keiner nie niemals nichts niemand ohne weder";

    public const string GermanBoosters = "sehr 0.3 so 0.3 total 0.3 wirklich 0.3 extrem 0.4 echt 0.3 absolut 0.4 völlig 0.3 komplett 0.3 ziemlich 0.1 etwas -0.3 bisschen -0.3";

    public const string PortugueseWords = """
        terrível -3.2
        terrivel -3.2
        horrível -3.2
        horrivel -3.2
        péssimo -3.2
        pessimo -3.2
        péssima -3.2
        ruim -2.4
        mau -2.2
        pior -2.6
        inútil -2.8
        inutil -2.8
        ridículo -2.6
        ridiculo -2.6
        inaceitável -3.0
        vergonha -2.6
        golpe -3.0
        fraude -3.0
        roubo -2.8
        irritado -2.4
        irritada -2.4
        bravo -2.2
        furioso -3.2
        chateado -2.3
        chateada -2.3
        decepcionado -2.3
        decepcionada -2.3
        triste -1.8
        odeio -3.0
        problema -1.3
        reclamação -1.8
        quebrado -2.2
        danificado -2.2
        defeito -2.2
        atrasado -1.5
        atraso -1.5
        ainda esperando -2.0
        nunca chegou -2.6
        não chegou -2.0
        nao chegou -2.0
        não funciona -2.0
        nao funciona -2.0
        absurdo -2.6
        descaso -2.8
        bom 1.9
        boa 1.9
        bem 1.4
        ótimo 3.0
        otimo 3.0
        excelente 3.2
        perfeito 3.0
        maravilhoso 3.1
        incrível 2.6
        rápido 1.4
        fácil 1.6
        feliz 2.6
        satisfeito 2.2
        contente 2.4
        obrigado 1.8
        obrigada 1.8
        muito obrigado 2.4
        muito obrigada 2.4
        gentil 2.0
        útil 2.0
        resolvido 1.8
        """;

    public const string PortugueseNegators = "não nao nunca jamais nem nada ninguém ninguem nenhum nenhuma sem";

    public const string PortugueseBoosters = "muito 0.3 tão 0.3 tao 0.3 super 0.3 totalmente 0.3 realmente 0.3 demais 0.3 extremamente 0.4 completamente 0.3 bastante 0.1 pouco -0.3";

    public const string SpanishContrast = "pero sino aunque";
    public const string FrenchContrast = "mais pourtant cependant";
    public const string GermanContrast = "aber jedoch trotzdem";
    public const string PortugueseContrast = "mas porém porem entretanto";
}
