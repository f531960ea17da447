namespace Medallion.Jobs.Sql;

/// <summary>What a user SQL fragment stands for where Medallion embeds it.</summary>
public enum SqlFragmentRole
{
    /// <summary>A value of any type (<c>derive</c>'s <c>expression</c>).</summary>
    Value,

    /// <summary>A true/false condition (<c>filter</c>, an <c>expression</c> rule, <c>table show --where</c>).</summary>
    Condition,
}
