"""Runs a rendered state machine on the moto server with moto's ASL interpreter, and reports what
its failure topic received. Input (JSON on stdin): endpoint, definition (text, placeholders left in),
stateMachine (a name), executionName, input. Output (JSON): status, error, output, messages.

The interpreter is switched on for this run only (moto's /moto-api/config) and off again after, so
other tests on the same server keep moto's default of not executing state machines.
"""
import json
import sys
import time
import urllib.request

import boto3


def configure(endpoint, execute):
    body = json.dumps({"stepfunctions": {"execute_state_machine": execute}}).encode()
    request = urllib.request.Request(endpoint + "/moto-api/config", data=body, method="POST", headers={"Content-Type": "application/json"})
    urllib.request.urlopen(request).read()


def main():
    spec = json.load(sys.stdin)
    endpoint = spec["endpoint"].rstrip("/")
    client = lambda service: boto3.client(service, endpoint_url=endpoint, region_name="us-east-1",
                                          aws_access_key_id="medallion-test-key", aws_secret_access_key="medallion-test-secret")
    sns, sqs, sfn = client("sns"), client("sqs"), client("stepfunctions")
    topic = sns.create_topic(Name=spec["stateMachine"] + "-failures")["TopicArn"]
    queue = sqs.create_queue(QueueName=spec["stateMachine"] + "-inbox")["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=queue_arn, Attributes={"RawMessageDelivery": "true"})
    definition = (spec["definition"]
                  .replace("${FailureTopicArn}", topic).replace("${SuccessTopicArn}", topic)
                  .replace("${EmrApplicationId}", "00fmoto").replace("${JobRoleArn}", "arn:aws:iam::123456789012:role/medallion-job"))
    configure(endpoint, True)
    try:
        machine = sfn.create_state_machine(name=spec["stateMachine"], definition=definition,
                                           roleArn="arn:aws:iam::123456789012:role/medallion-states")["stateMachineArn"]
        execution = sfn.start_execution(stateMachineArn=machine, name=spec["executionName"], input=spec["input"])["executionArn"]
        deadline = time.time() + 60
        while True:
            described = sfn.describe_execution(executionArn=execution)
            if described["status"] != "RUNNING" or time.time() > deadline:
                break
            time.sleep(0.2)
    finally:
        configure(endpoint, False)
    messages = []
    for _ in range(5 if spec.get("expectMessages", True) else 1):
        received = sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=10, WaitTimeSeconds=1).get("Messages", [])
        messages += [m["Body"] for m in received]
        if messages:
            break
    print(json.dumps({"status": described["status"], "error": described.get("error"), "output": described.get("output"), "messages": messages}))


if __name__ == "__main__":
    main()
