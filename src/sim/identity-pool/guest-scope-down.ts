// The scope-down session policy the enhanced flow attaches to guests' credentials: whatever the unauthenticated
// role allows, a guest may only use the services below. (The basic flow applies none, which is AWS's advice for
// guests who need other services.) Two sources, merged into one session policy so an Allow in either counts:
// - the service list of COGDOC iam-roles.md "Access policies" (archived 2023): AppSync, CloudWatch, Cognito
//   Identity and Sync, Comprehend, DynamoDB, GameLift, IoT, KMS (some actions), Firehose, Kinesis, Lambda, Lex,
//   Location, Machine Learning, Mobile Analytics, Pinpoint, Polly, Rekognition, SimpleDB, SES, SNS, SQS, S3,
//   Sumerian (View*), Transcribe, Translate, SageMaker InvokeEndpoint, Textract (two actions);
// - the AWS managed session policy AmazonCognitoUnAuthedIdentitiesSessionPolicy v3 (docs.aws.amazon.com/
//   aws-managed-policy/latest/reference/AmazonCognitoUnAuthedIdentitiesSessionPolicy.html, edited 2024-11-01).
// [P] Third-party notes quoting the current guide (iam-roles.html#access-policies, retrieved 2026) describe the enhanced
// flow attaching both: an inline session policy with the service list above and the managed policy. IAM treats
// several session policies as one set, so an Allow in either counts: the union below. The managed policy's page
// alone would suggest only its own list; we follow the guide's two-policy description. Guests that need more use the
// basic flow, which applies no scope-down policy.
import type { PolicyDocument } from '../iam/types';

const KMS = ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncryptTo', 'kms:ReEncryptFrom', 'kms:GenerateDataKey', 'kms:GenerateDataKeyPair', 'kms:GenerateDataKeyPairWithoutPlaintext', 'kms:GenerateDataKeyWithoutPlaintext'];

const SERVICES = [
  'appsync', 'cloudwatch', 'cognito-identity', 'cognito-sync', 'comprehend', 'dynamodb', 'gamelift', 'iot', 'firehose', 'kinesis',
  'lambda', 'lex', 'geo', 'machinelearning', 'mobileanalytics', 'mobiletargeting', 'polly', 'rekognition', 'sdb', 'ses', 'sns',
  'sqs', 's3', 'transcribe', 'translate',
];

export const GUEST_SCOPE_DOWN_POLICY: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'CognitoUnauthenticatedServices',
      Effect: 'Allow',
      Action: [...SERVICES.map((s) => `${s}:*`), ...KMS, 'sagemaker:InvokeEndpoint', 'textract:DetectDocumentText', 'textract:AnalyzeDocument', 'sumerian:View*'],
      Resource: '*',
    },
    {
      Sid: 'CognitoUnAuthedIdentitiesSessionPolicy',
      Effect: 'Allow',
      Action: [
        'rum:PutRumEvents', 'sagemaker:InvokeEndpoint', 'polly:*', 'comprehend:*', 'translate:*', 'transcribe:*', 'rekognition:*',
        'mobiletargeting:*', 'firehose:*', 'personalize:*', 'geo:GetMap*', 'geo:SearchPlaceIndex*', 'geo:GetPlace', 'geo:CalculateRoute*',
        'geo:*Geofence', 'geo:*Geofences', 'geo:*DevicePosition*', ...KMS,
      ],
      Resource: '*',
    },
  ],
};
