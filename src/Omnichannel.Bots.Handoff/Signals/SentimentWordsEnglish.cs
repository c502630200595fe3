namespace Omnichannel.Bots.Handoff.Signals;

/// <summary>
/// The English lexicon, written for customer-support messages (this project's own list and values). One entry a line:
/// a word or phrase (up to three words), then its valence from -4 (very negative) to +4 (very positive).
/// </summary>
internal static class SentimentWordsEnglish
{
    public const string Words = """
        terrible -3.2
        horrible -3.2
        awful -3.1
        useless -2.8
        pointless -2.2
        worthless -2.8
        ridiculous -2.6
        unacceptable -3.0
        disgusting -3.2
        disgraceful -3.0
        pathetic -3.0
        incompetent -3.0
        incompetence -3.0
        joke -1.5
        scam -3.2
        scammed -3.2
        scammers -3.2
        fraud -3.0
        fraudulent -3.0
        rip off -3.0
        ripoff -3.0
        ripped off -3.0
        cheated -2.8
        lied -2.6
        lying -2.4
        liars -3.0
        stolen -2.4
        stole -2.4
        angry -2.7
        furious -3.3
        livid -3.3
        mad -2.2
        annoyed -2.0
        annoying -2.0
        irritated -2.0
        frustrated -2.4
        frustrating -2.4
        frustration -2.4
        fed up -2.6
        sick of -2.4
        tired of -2.0
        upset -2.3
        disappointed -2.3
        disappointing -2.3
        disappointment -2.3
        unhappy -2.3
        sad -1.8
        worried -1.4
        concerned -1.0
        confused -1.2
        confusing -1.4
        hate -3.0
        hated -3.0
        worst -3.3
        worse -2.2
        bad -2.4
        poor -2.0
        poorly -2.0
        rude -2.7
        unhelpful -2.4
        unprofessional -2.6
        slow -1.4
        late -1.4
        delayed -1.5
        delay -1.3
        still waiting -2.0
        keep waiting -1.8
        waiting forever -2.6
        waited weeks -2.2
        waiting for weeks -2.2
        ages -1.0
        forever -1.0
        never arrived -2.6
        never received -2.6
        never came -2.4
        never got -2.2
        not arrived -2.0
        hasn't arrived -2.0
        hasnt arrived -2.0
        didn't arrive -2.2
        didnt arrive -2.2
        did not arrive -2.2
        not received -2.0
        haven't received -2.0
        havent received -2.0
        still nothing -2.0
        not working -2.0
        isn't working -2.0
        isnt working -2.0
        doesn't work -2.0
        doesnt work -2.0
        does not work -2.0
        don't work -2.0
        stopped working -2.2
        won't work -2.0
        not work -1.8
        broken -2.2
        broke -1.8
        damaged -2.2
        defective -2.4
        faulty -2.2
        wrong -1.8
        missing -1.6
        lost -1.6
        error -1.4
        errors -1.4
        failed -2.0
        fails -1.8
        failure -2.2
        problem -1.3
        problems -1.5
        issue -0.8
        issues -1.0
        complaint -1.8
        complain -1.6
        complaining -1.6
        mess -2.0
        nightmare -3.0
        disaster -3.0
        shocking -2.4
        appalling -3.2
        outrageous -3.0
        absurd -2.4
        insane -2.0
        crazy -1.4
        stupid -2.6
        idiots -3.0
        idiotic -3.0
        dumb -2.2
        sucks -2.8
        crap -2.8
        crappy -2.8
        garbage -2.8
        trash -2.6
        rubbish -2.6
        junk -2.4
        damn -2.0
        goddamn -2.4
        hell -2.0
        wtf -3.0
        ugh -1.8
        argh -1.8
        refund now -2.0
        money back -1.4
        want my money -2.2
        give me my money -2.6
        charged twice -2.4
        double charged -2.4
        overcharged -2.4
        cancel everything -2.0
        never again -3.0
        never buy -2.8
        never order -2.6
        waste -2.4
        wasted -2.4
        waste of time -2.8
        waste of money -2.8
        lawyer -2.0
        sue -2.6
        report you -2.4
        threatening -2.0
        ignored -2.2
        ignoring -2.2
        no response -2.0
        no reply -2.0
        no one answers -2.2
        nobody answers -2.2
        nobody helps -2.4
        again and again -1.6
        third time -1.8
        unbelievable -2.0
        seriously -1.0
        sorry -0.4
        afraid -1.4
        hopeless -2.6
        impossible -1.8
        difficult -1.2
        hard -0.8
        fail -2.0
        sick -1.6
        expensive -1.0
        overpriced -2.0
        thanks for nothing -2.6
        good 1.9
        great 3.0
        excellent 3.2
        amazing 3.2
        awesome 3.1
        fantastic 3.2
        wonderful 3.1
        brilliant 3.0
        perfect 3.0
        lovely 2.6
        nice 1.8
        fine 0.8
        ok 0.6
        okay 0.6
        cool 1.3
        helpful 2.2
        useful 1.8
        quick 1.4
        fast 1.4
        easy 1.6
        smooth 1.4
        happy 2.6
        glad 2.2
        pleased 2.2
        satisfied 2.0
        delighted 3.0
        love 3.0
        loved 3.0
        liked 1.5
        appreciate 2.2
        appreciated 2.2
        thanks 1.8
        thank you 2.0
        thank u 1.8
        thx 1.6
        ty 1.4
        cheers 1.4
        grateful 2.4
        kind 1.8
        friendly 2.0
        best 2.6
        better 1.6
        recommend 2.0
        resolved 1.8
        solved 1.8
        fixed 1.6
        sorted 1.4
        works now 2.0
        working now 2.0
        arrived 0.6
        received 0.4
        no problem 1.4
        no thanks 0
        no thank you 0
        not bad 1.2
        no worries 1.4
        no problems 1.2
        well done 2.4
        good job 2.6
        great job 3.0
        you rock 3.0
        superb 3.2
        impressive 2.6
        quickly 1.0
        finally 0.4
        wow 1.6
        yay 2.4
        welcome 1.2
        fair 1.0
        polite 1.8
        patient 1.4
        reliable 2.0
        """;

    public const string Negators = "not no never nothing nobody none neither nor without cannot can't cant isn't isnt aren't arent wasn't wasnt weren't werent don't dont doesn't doesnt didn't didnt won't wont wouldn't wouldnt couldn't couldnt shouldn't shouldnt haven't havent hasn't hasnt hadn't hadnt ain't aint hardly barely";

    public const string Boosters = "very 0.3 so 0.3 really 0.3 extremely 0.4 super 0.3 totally 0.3 absolutely 0.4 completely 0.3 incredibly 0.4 utterly 0.4 too 0.2 such 0.2 truly 0.3 highly 0.3 seriously 0.3 most 0.2 beyond 0.3 insanely 0.4 fucking 0.5 bloody 0.4 terribly 0.4 awfully 0.4 soo 0.4 sooo 0.5 quite -0.1 slightly -0.3 somewhat -0.3 barely -0.3 little -0.2 kinda -0.3 bit -0.3";

    public const string Contrast = "but however although though yet";
}
