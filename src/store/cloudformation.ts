// The CloudFormation export of a world (src/content/export/cloudformation.ts), for the UI, which may import content
// only as types: the export button loads this module when it is pressed, keeping the YAML writer out of first paint.
export { buildCloudFormation, cloudFormationYaml, GENERAL_DIFFERENCES } from '../content/export/cloudformation';
