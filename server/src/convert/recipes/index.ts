// The recipes by id, one module per ecosystem.

import type { RecipeId } from "../types";
import type { Recipe } from "../types";
import { dotnetRecipe } from "./dotnet";
import { goRecipe } from "./go";
import { javaRecipe } from "./java";
import { nodeRecipe } from "./node";
import { pythonRecipe } from "./python";
import { rustRecipe } from "./rust";

export const RECIPES: Readonly<Record<RecipeId, Recipe>> = {
  go: goRecipe,
  node: nodeRecipe,
  python: pythonRecipe,
  rust: rustRecipe,
  java: javaRecipe,
  dotnet: dotnetRecipe,
};
