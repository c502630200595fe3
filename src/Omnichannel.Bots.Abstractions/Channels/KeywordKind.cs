namespace Omnichannel.Bots;

/// <summary>What a whole inbound message means as a compliance keyword on its channel (<see cref="ChannelProfile.KeywordOf"/>).</summary>
public enum KeywordKind
{
    /// <summary>Not a keyword: ordinary dialog input.</summary>
    None,

    /// <summary>Opts the sender out (SMS STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT).</summary>
    OptOut,

    /// <summary>Opts the sender back in (SMS START, UNSTOP; YES only while opted out).</summary>
    OptIn,

    /// <summary>Asks for help (SMS HELP, INFO).</summary>
    Help,

    /// <summary>Another word that belongs to the carrier: recorded, never dialog input.</summary>
    Other,
}
