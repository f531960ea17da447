<#
.SYNOPSIS
    Builds, tests, runs and packages Medallion.

.DESCRIPTION
    A thin wrapper around the dotnet CLI so every target is one command on any OS with
    PowerShell 7. Each step stops the script with dotnet's exit code when it fails.

.PARAMETER Target
    Build (default): build the solution.
    Test: run every test project.
    Run: run one dataset locally (bronze, silver, validate, promote).
    Package: package the jobs for the chosen environment.
    Spark: publish the Spark job host as a self-contained linux-x64 app (needs the Microsoft.Spark package).

.PARAMETER Configuration
    The build configuration; Release by default.

.PARAMETER Dataset
    The dataset the Run target processes; mortgage_transactions by default.

.PARAMETER Environment
    The environment from conf/medallion.yaml; local by default.

.EXAMPLE
    ./build.ps1 -Target Test

.EXAMPLE
    ./build.ps1 -Target Run -Dataset wordpress_api
#>
param(
    [ValidateSet('Build', 'Test', 'Run', 'Package', 'Spark')]
    [string] $Target = 'Build',
    [string] $Configuration = 'Release',
    [string] $Dataset = 'mortgage_transactions',
    [string] $Environment = 'local'
)

$ErrorActionPreference = 'Stop'

# Paths below, and the CLI's ./conf, ./lake and ./samples, are relative to the repository root.
Set-Location -LiteralPath $PSScriptRoot

# Each target is exactly one dotnet call, so one exit-code check after the switch covers it.
switch ($Target) {
    'Build' {
        & dotnet build Medallion.sln -c $Configuration
    }
    'Test' {
        & dotnet test Medallion.sln
    }
    'Run' {
        & dotnet run --project orchestration/Medallion.Cli -- run $Dataset --env $Environment
    }
    'Package' {
        & dotnet run --project orchestration/Medallion.Cli -- package --env $Environment
    }
    'Spark' {
        # Build and Test compile the job host too; publishing it needs the Microsoft.Spark package itself.
        & dotnet publish orchestration/Medallion.Jobs.Spark/Medallion.Jobs.Spark.csproj -c $Configuration -r linux-x64 --self-contained
    }
}

# A native command's failure does not stop the script on its own, even with 'Stop' above.
if ($LASTEXITCODE -ne 0) {
    exit $LASTEXITCODE
}
