using Medallion.Aws.Emr;
using Medallion.Testing.Moto;

namespace Medallion.Aws.Tests.Emr;

[Collection(MotoCollection.Name)]
public sealed class JobRunWaiterTests(MotoServer moto)
{
    [Fact]
    public async Task WaitAsync_StartedRunInMoto_EndsInSuccess()
    {
        // moto 5.2.1 reports a job run as SUCCESS from the first GetJobRun; start → poll → finish.
        using var clients = new MotoClients(moto);
        var applicationId = await clients.CreateApplicationAsync();
        var client = clients.Sut.EmrServerless();
        var started = await client.StartJobRunAsync(EmrServerlessClientTests.NewRequest(applicationId));
        var seen = new List<EmrJobRunState>();
        var sut = new JobRunWaiter(client, clients.Clock);

        var finished = await sut.WaitAsync(started, run => seen.Add(run.State));

        Assert.Equal(EmrJobRunState.Success, finished.State);
        Assert.Equal([EmrJobRunState.Success], seen);
        Assert.Equal(started.JobRunId, finished.JobRunId);
    }

    [Fact]
    public async Task WaitAsync_CallerCancels_CancelsTheJobRun()
    {
        using var clients = new MotoClients(moto);
        var applicationId = await clients.CreateApplicationAsync();
        var client = clients.Sut.EmrServerless();
        var started = await client.StartJobRunAsync(EmrServerlessClientTests.NewRequest(applicationId));
        using var ctrlC = new CancellationTokenSource();
        await ctrlC.CancelAsync();
        var sut = new JobRunWaiter(client, clients.Clock);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sut.WaitAsync(started, cancellationToken: ctrlC.Token));

        Assert.Equal(EmrJobRunState.Cancelled, (await client.GetJobRunAsync(applicationId, started.JobRunId)).State);
        Assert.Contains(clients.Recorder.Exchanges, e => e.Method == HttpMethod.Delete && e.Uri.AbsolutePath.EndsWith(started.JobRunId, StringComparison.Ordinal));
    }
}
