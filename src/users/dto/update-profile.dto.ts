import { BioField, NameField } from './user-fields';

/** Fields left out stay as they are; an empty string clears one. */
export class UpdateProfileDto {
  @NameField()
  firstName?: string | null;

  @NameField()
  lastName?: string | null;

  @BioField()
  bio?: string | null;
}
