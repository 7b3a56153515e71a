"""One full portal-like flow through boto3 against LocalCloud, with paging.

Usage: boto3_flow.py <endpoint> <suffix>; prints a JSON summary the C# test asserts on.
"""
import json
import sys

import boto3

endpoint, suffix = sys.argv[1], sys.argv[2]
session = boto3.session.Session(aws_access_key_id="test", aws_secret_access_key="test", region_name="eu-west-1")


def client(name):
    return session.client(name, endpoint_url=endpoint)


summary = {}

# STS + IAM: a persona role the flow assumes.
iam = client("iam")
trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "000000000000"},
                                                  "Action": ["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity"]}]}
role_names = []
for i in range(5):
    name = f"boto-role-{suffix}-{i}"
    iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(trust), Path=f"/boto{suffix}/")
    role_names.append(name)
roles = []
for page in iam.get_paginator("list_roles").paginate(PathPrefix=f"/boto{suffix}/", PaginationConfig={"PageSize": 2}):
    roles.extend(r["RoleName"] for r in page["Roles"])
summary["roles"] = roles
role_arn = iam.get_role(RoleName=role_names[0])["Role"]["Arn"]
# LocalCloud evaluates SageMaker create calls under assumed roles: the session's role needs a policy.
iam.put_role_policy(RoleName=role_names[0], PolicyName="notebooks", PolicyDocument=json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": "sagemaker:CreateNotebookInstance", "Resource": "*"}]}))

creds = client("sts").assume_role(RoleArn=role_arn, RoleSessionName="bob", SourceIdentity="bob",
                                  Tags=[{"Key": "project", "Value": "p1"}])["Credentials"]
assumed = boto3.session.Session(aws_access_key_id=creds["AccessKeyId"], aws_secret_access_key=creds["SecretAccessKey"],
                                aws_session_token=creds["SessionToken"], region_name="eu-west-1")
summary["caller"] = assumed.client("sts", endpoint_url=endpoint).get_caller_identity()["Arn"]

# S3 + SSM under the assumed role.
s3 = assumed.client("s3", endpoint_url=endpoint)
bucket = f"boto-{suffix}"
s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
for i in range(7):
    s3.put_object(Bucket=bucket, Key=f"data/part-{i}.csv", Body=b"a,b\n1,2\n")
keys = []
for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix="data/", PaginationConfig={"PageSize": 3}):
    keys.extend(o["Key"] for o in page.get("Contents", []))
summary["objects"] = len(keys)
summary["body"] = s3.get_object(Bucket=bucket, Key="data/part-0.csv")["Body"].read().decode()

ssm = assumed.client("ssm", endpoint_url=endpoint)
for i in range(12):
    ssm.put_parameter(Name=f"/boto{suffix}/p{i:02d}", Value=str(i), Type="String")
names = []
for page in ssm.get_paginator("get_parameters_by_path").paginate(Path=f"/boto{suffix}", PaginationConfig={"PageSize": 5}):
    names.extend(p["Name"] for p in page["Parameters"])
summary["parameters"] = len(names)

# SageMaker notebooks, listed in pages of 2.
sagemaker = assumed.client("sagemaker", endpoint_url=endpoint)
for i in range(5):
    sagemaker.create_notebook_instance(NotebookInstanceName=f"boto-{suffix}-{i}", InstanceType="ml.t3.medium",
                                       RoleArn=role_arn, Tags=[{"Key": "project", "Value": "p1"}])
notebooks = []
for page in sagemaker.get_paginator("list_notebook_instances").paginate(NameContains=f"boto-{suffix}",
                                                                         PaginationConfig={"PageSize": 2}):
    notebooks.extend(n["NotebookInstanceStatus"] for n in page["NotebookInstances"])
summary["notebooks"] = notebooks
arn = sagemaker.describe_notebook_instance(NotebookInstanceName=f"boto-{suffix}-0")["NotebookInstanceArn"]
summary["tags"] = sagemaker.list_tags(ResourceArn=arn)["Tags"]

# Service Catalog portfolios in pages of 2.
sc = client("servicecatalog")
for i in range(5):
    sc.create_portfolio(DisplayName=f"boto-{suffix}-{i}", ProviderName="Platform", IdempotencyToken=f"tok-{suffix}-{i}")
sc.create_portfolio(DisplayName=f"boto-{suffix}-0", ProviderName="Platform", IdempotencyToken=f"tok-{suffix}-0")
portfolios = []
for page in sc.get_paginator("list_portfolios").paginate(PaginationConfig={"PageSize": 2}):
    portfolios.extend(p["DisplayName"] for p in page["PortfolioDetails"] if p["DisplayName"].startswith(f"boto-{suffix}-"))
summary["portfolios"] = portfolios

try:
    sagemaker.describe_training_job(TrainingJobName="missing-job")
except sagemaker.exceptions.ResourceNotFound as e:
    summary["missing"] = e.response["Error"]["Code"]

print(json.dumps(summary))
